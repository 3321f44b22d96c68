package dev.newsmon.analysis.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link TopicRule} into queries: one per term (any alias in any section, each
 * language's aliases against that language's fields; several tokens make a phrase), one
 * per proximity pair (a sloppy phrase, both orders) and one for the exclusions. The query
 * ids carry the rule id and a generation, so a replaced rule's queries never mix with the
 * new ones.
 */
final class RuleCompiler {

	private final TextAnalyzers analyzers;

	RuleCompiler(TextAnalyzers analyzers) {
		this.analyzers = analyzers;
	}

	CompiledRule compile(TopicRule rule, long generation) {
		String prefix = rule.id() + "/" + generation + "/";
		Map<String, CompiledRule.Part> parts = new LinkedHashMap<>();
		List<MatchQuery> queries = new ArrayList<>();
		for (int i = 0; i < rule.terms().size(); i++) {
			TopicRule.Term term = rule.terms().get(i);
			String path = "terms[" + i + "]";
			List<MatchQuery.Clause> query = new ArrayList<>();
			for (String language : TopicRule.LANGUAGES) {
				List<String> aliases = term.aliases(language);
				for (int a = 0; a < aliases.size(); a++) {
					List<TextAnalyzers.Token> tokens = tokens(rule, path, language, aliases.get(a));
					for (String section : TextAnalyzers.SECTIONS) {
						query.add(phrase(TextAnalyzers.field(section, language), tokens, 0));
					}
				}
			}
			String id = prefix + "t" + i;
			parts.put(id, new CompiledRule.Part(CompiledRule.Kind.TERM, i));
			queries.add(new MatchQuery(id, query));
		}
		for (int i = 0; i < rule.near().size(); i++) {
			TopicRule.Near near = rule.near().get(i);
			TopicRule.Term first = term(rule, near.terms().get(0));
			TopicRule.Term second = term(rule, near.terms().get(1));
			List<MatchQuery.Clause> query = new ArrayList<>();
			for (String language : TopicRule.LANGUAGES) {
				for (String a : first.aliases(language)) {
					for (String b : second.aliases(language)) {
						List<TextAnalyzers.Token> left = tokens(rule, "near[" + i + "]", language, a);
						List<TextAnalyzers.Token> right = tokens(rule, "near[" + i + "]", language, b);
						for (String section : TextAnalyzers.SECTIONS) {
							String field = TextAnalyzers.field(section, language);
							query.add(phrase(field, concat(left, right), near.within()));
							query.add(phrase(field, concat(right, left), near.within()));
						}
					}
				}
			}
			String id = prefix + "n" + i;
			parts.put(id, new CompiledRule.Part(CompiledRule.Kind.NEAR, i));
			queries.add(new MatchQuery(id, query));
		}
		if (!rule.exclude().isEmpty()) {
			List<MatchQuery.Clause> query = new ArrayList<>();
			for (Map.Entry<String, List<String>> entry : rule.exclude().entrySet()) {
				List<String> languages = TopicRule.ALL_LANGUAGES.equals(entry.getKey()) ? TopicRule.LANGUAGES
						: List.of(entry.getKey());
				for (String language : languages) {
					for (String alias : entry.getValue()) {
						List<TextAnalyzers.Token> tokens = tokens(rule, "exclude." + entry.getKey(), language, alias);
						for (String section : TextAnalyzers.SECTIONS) {
							query.add(phrase(TextAnalyzers.field(section, language), tokens, 0));
						}
					}
				}
			}
			String id = prefix + "x";
			parts.put(id, new CompiledRule.Part(CompiledRule.Kind.EXCLUDE, 0));
			queries.add(new MatchQuery(id, query));
		}
		return new CompiledRule(rule, generation, parts, queries);
	}

	/**
	 * Compiles names into one query that matches any of them in any section, each
	 * language's names against that language's fields.
	 * @param owner the entity, for messages
	 * @param path the field of the names, for messages
	 * @param byLanguage the names by language
	 * @return the query
	 */
	List<MatchQuery.Clause> anyName(String owner, String path, Map<String, List<String>> byLanguage) {
		List<MatchQuery.Clause> query = new ArrayList<>();
		for (String language : TopicRule.LANGUAGES) {
			for (String name : byLanguage.getOrDefault(language, List.of())) {
				List<TextAnalyzers.Token> tokens = this.analyzers.tokens(language, name);
				if (tokens.isEmpty()) {
					throw new InvalidRuleException(owner, path + "." + language,
							"name '" + name + "' leaves no words once analysed as '" + language + "' text");
				}
				for (String section : TextAnalyzers.SECTIONS) {
					query.add(phrase(TextAnalyzers.field(section, language), tokens, 0));
				}
			}
		}
		return query;
	}

	private List<TextAnalyzers.Token> tokens(TopicRule rule, String path, String language, String alias) {
		List<TextAnalyzers.Token> tokens = this.analyzers.tokens(language, alias);
		if (tokens.isEmpty()) {
			throw new InvalidRuleException(rule.id(), path,
					"alias '" + alias + "' leaves no words once analysed as '" + language + "' text");
		}
		return tokens;
	}

	private static TopicRule.Term term(TopicRule rule, String name) {
		return rule.terms().stream().filter((term) -> term.term().equals(name)).findFirst().orElseThrow();
	}

	private static List<TextAnalyzers.Token> concat(List<TextAnalyzers.Token> left, List<TextAnalyzers.Token> right) {
		List<TextAnalyzers.Token> tokens = new ArrayList<>(left);
		int offset = left.get(left.size() - 1).position() + 1;
		for (TextAnalyzers.Token token : right) {
			tokens.add(new TextAnalyzers.Token(token.term(), token.position() + offset));
		}
		return tokens;
	}

	private static MatchQuery.Clause phrase(String field, List<TextAnalyzers.Token> tokens, int slop) {
		return MatchQuery.Clause.of(field, tokens, slop);
	}

}
