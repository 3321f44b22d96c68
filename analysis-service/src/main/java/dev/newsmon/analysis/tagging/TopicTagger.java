package dev.newsmon.analysis.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tags articles with the topics of the registered rules. Every rule and every gazetteer
 * entity is compiled into queries over the analysed words, held in one
 * {@link QueryIndex}: an article is analysed once per analyser, and only the clauses
 * whose rarest word it contains are tried, all in one pass; their hits give the evidence
 * and its offsets.
 * <p>
 * An article gets a topic when it is about it, not when it mentions it: the terms'
 * weights count twice in the title, body matches add up with diminishing returns, and the
 * rule's anchor must be in the title, in the lead or in separate body passages: two, and
 * one more for every further {@code sentencesPerPassage} sentences of a long body, so
 * that a background paragraph of a long story does not count as its subject. A topic that
 * yields to another (china-military to taiwan-strait) is dropped when the other is given.
 * Registering a rule with the id of an existing one replaces it at run time. Thread-safe.
 */
public final class TopicTagger implements AutoCloseable {

	private static final int MAX_EVIDENCE = 20;

	private static final String ENTITY_PREFIX = "@entity/";

	private static final String EXCEPT_SUFFIX = "/except";

	// a Latin full stop earlier than this ends an abbreviation or a dateline, not a
	// sentence
	private static final int MIN_LEAD = 40;

	private static final int MAX_LEAD = 300;

	// no Han, kana or Hangul code point comes before the Hangul jamo; the script lookup
	// is
	// a binary search, too slow for every Latin letter
	private static final int FIRST_HANGUL = 0x1100;

	private final TextAnalyzers analyzers = new TextAnalyzers();

	private final RuleCompiler compiler = new RuleCompiler(this.analyzers);

	private volatile QueryIndex index = QueryIndex.EMPTY;

	private final Scoring scoring;

	private final Map<String, CompiledRule> rules = new ConcurrentHashMap<>();

	private final AtomicLong generations = new AtomicLong();

	private volatile Map<String, GazetteerEntity> entityQueries = Map.of();

	/**
	 * Creates a tagger with no rules and the default scoring.
	 */
	public TopicTagger() {
		this(Scoring.DEFAULT);
	}

	/**
	 * Creates a tagger with no rules.
	 * @param scoring how matches turn into scores
	 */
	public TopicTagger(Scoring scoring) {
		this.scoring = scoring;
	}

	/**
	 * Adds a rule, or replaces the rule with the same id. The new rule applies to every
	 * article tagged after this returns; a rule that does not compile changes nothing.
	 * @param rule the rule
	 * @throws InvalidRuleException if an alias analyses to no words
	 */
	public synchronized void register(TopicRule rule) {
		CompiledRule compiled = this.compiler.compile(rule, this.generations.incrementAndGet());
		CompiledRule previous = this.rules.get(rule.id());
		this.index = this.index.with(compiled.queries(), (previous != null) ? previous.parts().keySet() : List.of());
		this.rules.put(rule.id(), compiled);
	}

	/**
	 * Registers the entities to recognise, replacing those registered before. Their
	 * queries live in the same index as the rules, so one pass over an article finds
	 * both.
	 * @param entities the gazetteer's entities
	 * @throws InvalidRuleException if a name analyses to no words
	 */
	public synchronized void registerEntities(List<GazetteerEntity> entities) {
		Map<String, GazetteerEntity> queries = new HashMap<>();
		List<MatchQuery> compiled = new ArrayList<>();
		long generation = this.generations.incrementAndGet();
		for (int i = 0; i < entities.size(); i++) {
			GazetteerEntity entity = entities.get(i);
			String id = ENTITY_PREFIX + generation + "/" + i;
			compiled.add(new MatchQuery(id, this.compiler.anyName(entity.id(), "names", entity.names())));
			queries.put(id, entity);
			if (entity.except().values().stream().anyMatch((except) -> !except.isEmpty())) {
				compiled.add(new MatchQuery(id + EXCEPT_SUFFIX,
						this.compiler.anyName(entity.id(), "except", entity.except())));
			}
		}
		Set<String> previous = new HashSet<>();
		this.entityQueries.keySet().forEach((id) -> {
			previous.add(id);
			previous.add(id + EXCEPT_SUFFIX);
		});
		this.index = this.index.with(compiled, previous);
		this.entityQueries = Map.copyOf(queries);
	}

	/**
	 * Checks that a rule compiles, without registering it.
	 * @param rule the rule
	 * @throws InvalidRuleException if an alias analyses to no words
	 */
	public void validate(TopicRule rule) {
		this.compiler.compile(rule, 0);
	}

	/**
	 * Returns the rule in force for a topic.
	 * @param id the topic's id
	 * @return the rule, or {@code null} when the topic has none
	 */
	public TopicRule rule(String id) {
		CompiledRule compiled = this.rules.get(id);
		return (compiled != null) ? compiled.rule() : null;
	}

	/**
	 * Removes a rule.
	 * @param id the rule's id
	 * @return whether there was such a rule
	 */
	public synchronized boolean remove(String id) {
		CompiledRule previous = this.rules.remove(id);
		if (previous == null) {
			return false;
		}
		this.index = this.index.with(List.of(), previous.parts().keySet());
		return true;
	}

	/**
	 * Returns the registered rules, by id.
	 * @return the rules
	 */
	public List<TopicRule> rules() {
		return this.rules.values()
			.stream()
			.map(CompiledRule::rule)
			.sorted(Comparator.comparing(TopicRule::id))
			.toList();
	}

	/**
	 * Tags an article.
	 * @param title the title
	 * @param summary the summary, possibly empty
	 * @param body the body, possibly empty
	 * @return the topics the article is about, best first
	 */
	public List<TopicMatch> tag(String title, String summary, String body) {
		return analyse(title, summary, body).topics();
	}

	/**
	 * Finds the topics and the entities of an article in one pass.
	 * @param title the title
	 * @param summary the summary, possibly empty
	 * @param body the body, possibly empty
	 * @return the topics the article is about and the entities it names
	 */
	public Tags analyse(String title, String summary, String body) {
		Map<String, String> sections = new HashMap<>();
		sections.put("title", (title != null) ? title : "");
		sections.put("summary", (summary != null) ? summary : "");
		sections.put("body", (body != null) ? body : "");
		Map<String, String> fields = fields(sections);
		AnalysedArticle article = AnalysedArticle.analyse(this.analyzers.perField(), fields);
		Map<String, String> words = new HashMap<>();
		for (String field : fields.keySet()) {
			AnalysedArticle.FieldTokens tokens = article.fields().get(field);
			words.put(field, (tokens != null) ? tokens.words() : "");
		}
		if (article.isEmpty()) {
			return new Tags(List.of(), List.of(), words);
		}
		Map<String, Map<String, List<AnalysedArticle.Hit>>> matches = this.index.match(article);
		Map<String, Map<String, Map<String, List<AnalysedArticle.Hit>>>> byRule = new TreeMap<>();
		Map<String, Map<String, List<AnalysedArticle.Hit>>> entityMatches = new HashMap<>();
		matches.forEach((queryId, hits) -> {
			if (queryId.startsWith(ENTITY_PREFIX)) {
				entityMatches.put(queryId, hits);
				return;
			}
			String ruleId = queryId.substring(0, queryId.indexOf('/'));
			byRule.computeIfAbsent(ruleId, (id) -> new TreeMap<>()).put(queryId, hits);
		});
		List<TopicMatch> topics = new ArrayList<>();
		int minimumPassages = this.scoring.minimumBodyPassages(sentences(sections.get("body")));
		byRule.forEach((ruleId, ruleMatches) -> {
			CompiledRule rule = this.rules.get(ruleId);
			if (rule != null) {
				TopicMatch topic = score(rule, ruleMatches, sections, minimumPassages);
				if (topic != null) {
					topics.add(topic);
				}
			}
		});
		Set<String> given = new HashSet<>();
		topics.forEach((topic) -> given.add(topic.id()));
		topics.removeIf((topic) -> {
			CompiledRule rule = this.rules.get(topic.id());
			return rule != null && rule.rule().yieldTo().stream().anyMatch(given::contains);
		});
		topics.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::id));
		return new Tags(topics, entities(entityMatches), words);
	}

	/**
	 * Returns the text of each field an article's sections go into.
	 * @param sections the text of each section
	 * @return the text by field, such as {@code body_ja}
	 */
	static Map<String, String> fields(Map<String, String> sections) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String section : TextAnalyzers.SECTIONS) {
			String text = sections.get(section);
			if (!text.isBlank()) {
				List<String> languages = languagesToAnalyse(text);
				for (String language : languages) {
					// the English chain only needs the Latin words of a Japanese or
					// Korean text
					String analysed = (language.equals("en") && languages.size() > 1) ? latinOnly(text) : text;
					fields.put(TextAnalyzers.field(section, language), analysed);
				}
			}
		}
		return fields;
	}

	private List<EntityMatch> entities(Map<String, Map<String, List<AnalysedArticle.Hit>>> matches) {
		Map<String, GazetteerEntity> queries = this.entityQueries;
		List<EntityMatch> entities = new ArrayList<>();
		Map<String, Integer> firstMention = new HashMap<>();
		matches.forEach((queryId, match) -> {
			GazetteerEntity entity = queries.get(queryId);
			if (entity == null) {
				return;
			}
			Set<Span> spans = spans(match);
			Map<String, List<AnalysedArticle.Hit>> except = matches.get(queryId + EXCEPT_SUFFIX);
			if (except != null) {
				Set<Span> excluded = spans(except);
				spans.removeIf((span) -> excluded.stream().anyMatch(span::overlaps));
			}
			if (!spans.isEmpty()) {
				entities.add(new EntityMatch(entity.id(), entity.type(), entity.name(), spans.size()));
				firstMention.put(entity.id(), spans.stream()
					.mapToInt((span) -> TextAnalyzers.SECTIONS.indexOf(span.section()) * 1_000_000 + span.start())
					.min()
					.orElse(0));
			}
		});
		entities.sort(Comparator.comparingInt(EntityMatch::mentions)
			.reversed()
			.thenComparingInt((EntityMatch entity) -> firstMention.get(entity.id())));
		return entities;
	}

	private static Set<Span> spans(Map<String, List<AnalysedArticle.Hit>> hits) {
		Set<Span> spans = new LinkedHashSet<>();
		hits.forEach((field, fieldHits) -> fieldHits
			.forEach((hit) -> spans.add(new Span(TextAnalyzers.section(field), hit.start(), hit.end()))));
		return spans;
	}

	/**
	 * Chooses the analysers a text goes through: always English, for the acronyms that
	 * every language uses; Japanese only with Han or kana, Korean only with Hangul. Nori
	 * reads Han characters as Korean (日 as 일), so Japanese text must not reach it.
	 */
	private static List<String> languagesToAnalyse(String text) {
		boolean han = false;
		boolean hangul = false;
		for (int i = 0; i < text.length() && !(han && hangul);) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint < FIRST_HANGUL) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
			han |= script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
					|| script == Character.UnicodeScript.KATAKANA;
			hangul |= script == Character.UnicodeScript.HANGUL;
		}
		List<String> languages = new ArrayList<>(List.of("en"));
		if (han) {
			languages.add("ja");
		}
		if (hangul) {
			languages.add("ko");
		}
		return languages;
	}

	/**
	 * Blanks out the characters of Han, kana and Hangul, keeping every offset: the
	 * standard tokenizer would make a token of each Han character, for nothing that an
	 * English alias can match.
	 */
	static String latinOnly(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (Character.isSurrogate(c)) {
				int codePoint = text.codePointAt(i);
				if (Character.isSupplementaryCodePoint(codePoint) && isCjk(codePoint)) {
					chars[i] = ' ';
					chars[i + 1] = ' ';
				}
				i += (Character.isHighSurrogate(c) && i + 1 < chars.length) ? 1 : 0;
			}
			else if (isCjk(c)) {
				chars[i] = ' ';
			}
		}
		return new String(chars);
	}

	private static boolean isCjk(int codePoint) {
		if (codePoint < FIRST_HANGUL) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	/**
	 * Counts the passages of the body sections that matched: mentions closer than
	 * {@code passageGap} characters form one passage, so "Russia's invasion of Ukraine"
	 * said once is one passage, not three mentions.
	 */
	private int passages(Set<Span> mentions) {
		List<Span> sorted = new ArrayList<>(mentions);
		sorted.sort(Comparator.comparing(Span::section).thenComparingInt(Span::start));
		int passages = 0;
		String section = null;
		int end = Integer.MIN_VALUE;
		for (Span span : sorted) {
			if (!span.section().equals(section) || span.start() - end > this.scoring.passageGap()) {
				passages++;
				end = span.end();
			}
			else {
				end = Math.max(end, span.end());
			}
			section = span.section();
		}
		return passages;
	}

	/**
	 * Returns where the lead, the first sentence of a news story, ends: it states what
	 * the story is about, so an anchor there counts like one in the title.
	 */
	static int leadEnd(String body) {
		int limit = Math.min(body.length(), MAX_LEAD);
		for (int i = 0; i < limit; i++) {
			char c = body.charAt(i);
			if (c == '。' || c == '！' || c == '？') {
				return i + 1;
			}
			boolean end = (i + 1 == body.length()) || Character.isWhitespace(body.charAt(i + 1));
			if (i >= MIN_LEAD && end && (c == '.' || c == '!' || c == '?')) {
				return i + 1;
			}
		}
		return limit;
	}

	/**
	 * Counts the sentences of a body, by the same ends as {@link #leadEnd(String)}.
	 */
	static int sentences(String body) {
		int sentences = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '。' || c == '！' || c == '？') {
				sentences++;
			}
			else if ((c == '.' || c == '!' || c == '?')
					&& ((i + 1 == body.length()) || Character.isWhitespace(body.charAt(i + 1)))) {
				sentences++;
			}
		}
		return sentences;
	}

	/**
	 * The terms that show what an article is about: those of the rule's first required
	 * group, else every term that weighs. An article must name an anchor in its title or
	 * in separate body passages, so context words ("missile", "troops") never make a
	 * passing mention of the subject count.
	 */
	private static Set<String> anchors(TopicRule rule) {
		if (!rule.requires().isEmpty()) {
			return Set.copyOf(rule.requires().get(0));
		}
		Set<String> anchors = new HashSet<>();
		rule.terms().stream().filter((term) -> term.weight() > 0).forEach((term) -> anchors.add(term.term()));
		return anchors;
	}

	private TopicMatch score(CompiledRule compiled, Map<String, Map<String, List<AnalysedArticle.Hit>>> matches,
			Map<String, String> sections, int minimumPassages) {
		TopicRule rule = compiled.rule();
		Map<Integer, Set<Span>> termHits = new TreeMap<>();
		Map<Integer, Set<Span>> nearHits = new TreeMap<>();
		for (Map.Entry<String, Map<String, List<AnalysedArticle.Hit>>> match : matches.entrySet()) {
			CompiledRule.Part part = compiled.parts().get(match.getKey());
			if (part == null) {
				// a query of a replaced generation, about to be deleted
				continue;
			}
			if (part.kind() == CompiledRule.Kind.EXCLUDE) {
				return null;
			}
			Set<Span> spans = spans(match.getValue());
			((part.kind() == CompiledRule.Kind.TERM) ? termHits : nearHits).put(part.index(), spans);
		}
		for (List<String> group : rule.requires()) {
			boolean satisfied = false;
			for (int i = 0; i < rule.terms().size() && !satisfied; i++) {
				satisfied = termHits.containsKey(i) && group.contains(rule.terms().get(i).term());
			}
			if (!satisfied) {
				return null;
			}
		}
		Set<String> anchors = anchors(rule);
		double raw = 0;
		boolean inTitle = false;
		boolean inLead = false;
		int leadEnd = leadEnd(sections.get("body"));
		Set<Span> bodyMentions = new LinkedHashSet<>();
		List<Evidence> evidence = new ArrayList<>();
		for (Map.Entry<Integer, Set<Span>> entry : termHits.entrySet()) {
			TopicRule.Term term = rule.terms().get(entry.getKey());
			int titleCount = 0;
			int bodyCount = 0;
			for (Span span : entry.getValue()) {
				if (span.section().equals("title")) {
					titleCount++;
				}
				else {
					bodyCount++;
				}
				evidence.add(span.evidence(term.term(), sections));
			}
			if (anchors.contains(term.term())) {
				inTitle |= titleCount > 0;
				for (Span span : entry.getValue()) {
					if (!span.section().equals("title")) {
						bodyMentions.add(span);
						inLead |= span.section().equals("summary") || span.start() < leadEnd;
					}
				}
			}
			raw += term.weight() * this.scoring.credit(titleCount, bodyCount);
		}
		for (Map.Entry<Integer, Set<Span>> entry : nearHits.entrySet()) {
			TopicRule.Near near = rule.near().get(entry.getKey());
			raw += near.weight() * Math.min(entry.getValue().size(), 2);
		}
		if (!inTitle && !inLead && passages(bodyMentions) < minimumPassages) {
			return null;
		}
		double score = this.scoring.score(raw);
		if (score < rule.threshold()) {
			return null;
		}
		evidence.sort(Comparator.comparingInt((Evidence e) -> TextAnalyzers.SECTIONS.indexOf(e.field()))
			.thenComparingInt(Evidence::start)
			.thenComparing(Evidence::term));
		return new TopicMatch(rule.id(), Math.round(score * 1000) / 1000.0,
				List.copyOf(evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE))));
	}

	@Override
	public void close() {
		this.index = QueryIndex.EMPTY;
		this.analyzers.close();
	}

	/**
	 * How matches turn into a score: a term counts {@code titleWeight} times its weight
	 * when it is in the title, plus its weight for the first body mention and
	 * {@code repeatWeight} for each further one up to {@code maxRepeats}; the sum
	 * {@code s} becomes {@code 1 - exp(-s / saturation)}.
	 *
	 * @param titleWeight the factor of a term in the title
	 * @param repeatWeight the factor of each further body mention
	 * @param maxRepeats the further body mentions that still count
	 * @param saturation the sum that gives a score of about 0.63
	 * @param minimumBodyPassages the separate body passages an article needs when no term
	 * is in its title
	 * @param passageGap the most characters between two mentions of one passage
	 * @param sentencesPerPassage a long body needs one passage for every so many
	 * sentences when that is more than {@code minimumBodyPassages}
	 */
	public record Scoring(double titleWeight, double repeatWeight, int maxRepeats, double saturation,
			int minimumBodyPassages, int passageGap, int sentencesPerPassage) {

		/** The scoring that the evaluation sets were measured with. */
		public static final Scoring DEFAULT = new Scoring(2.0, 0.5, 3, 3.0, 2, 40, 6);

		int minimumBodyPassages(int sentences) {
			// a subject recurs through its story: in a 5-sentence brief twice, in a
			// 20-sentence analysis four times
			return Math.max(this.minimumBodyPassages,
					(sentences + this.sentencesPerPassage - 1) / this.sentencesPerPassage);
		}

		double credit(int titleCount, int bodyCount) {
			double credit = (titleCount > 0) ? this.titleWeight : 0;
			if (bodyCount > 0) {
				credit += 1 + this.repeatWeight * Math.min(bodyCount - 1, this.maxRepeats);
			}
			return credit;
		}

		double score(double raw) {
			return 1 - Math.exp(-raw / this.saturation);
		}

	}

	/**
	 * A matched stretch of one section.
	 */
	private record Span(String section, int start, int end) {

		boolean overlaps(Span other) {
			return this.section.equals(other.section) && this.start < other.end && other.start < this.end;
		}

		Evidence evidence(String term, Map<String, String> sections) {
			String text = sections.get(this.section);
			int from = Math.max(0, Math.min(this.start, text.length()));
			int to = Math.max(from, Math.min(this.end, text.length()));
			return new Evidence(this.section, term, text.substring(from, to), this.start, this.end);
		}

	}

}
