package dev.newsmon.analysis.tagging;

import java.util.List;
import java.util.Map;

/**
 * The definition of one topic of the taxonomy, as read from its rule file. An article
 * gets the topic when its terms weigh enough, in the title or repeatedly in the body,
 * every {@code requires} group has a match, no {@code exclude} alias appears, and the
 * article gets none of the topics the rule yields to.
 *
 * @param id the topic id of the taxonomy
 * @param version the version of the rule, raised on every change
 * @param labels the topic's label by language ({@code en}, {@code ja}, {@code ko})
 * @param threshold the lowest score in (0, 1] that tags an article
 * @param terms the weighted terms, each with its aliases per language
 * @param requires groups of term names; each group needs at least one match
 * @param near pairs of terms that weigh extra when they stand close together
 * @param exclude aliases per language whose presence rules the topic out
 * @param yieldTo the ids of topics that take precedence: an article that gets one of them
 * does not get this one (the taxonomy's "beyond the two topics above")
 */
public record TopicRule(String id, int version, Map<String, String> labels, double threshold, List<Term> terms,
		List<List<String>> requires, List<Near> near, Map<String, List<String>> exclude, List<String> yieldTo) {

	/** The languages that rules and their analysers know. */
	public static final List<String> LANGUAGES = List.of("en", "ja", "ko");

	/** The key of aliases that apply to text in every language, such as acronyms. */
	public static final String ALL_LANGUAGES = "all";

	public TopicRule {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		terms = (terms != null) ? List.copyOf(terms) : List.of();
		requires = (requires != null) ? requires.stream().map(List::copyOf).toList() : List.of();
		near = (near != null) ? List.copyOf(near) : List.of();
		exclude = (exclude != null) ? Map.copyOf(exclude) : Map.of();
		yieldTo = (yieldTo != null) ? List.copyOf(yieldTo) : List.of();
	}

	/**
	 * A weighted concept with its aliases.
	 *
	 * @param term the name of the concept, unique in the rule, shown as evidence
	 * @param weight how much one match counts; {@code 0} for context terms that only
	 * serve {@code requires}
	 * @param all aliases for text in any language (acronyms such as NATO)
	 * @param en English aliases
	 * @param ja Japanese aliases
	 * @param ko Korean aliases
	 */
	public record Term(String term, double weight, List<String> all, List<String> en, List<String> ja,
			List<String> ko) {

		public Term {
			all = (all != null) ? List.copyOf(all) : List.of();
			en = (en != null) ? List.copyOf(en) : List.of();
			ja = (ja != null) ? List.copyOf(ja) : List.of();
			ko = (ko != null) ? List.copyOf(ko) : List.of();
		}

		/**
		 * Returns the aliases that apply to text in a language.
		 * @param language {@code en}, {@code ja} or {@code ko}
		 * @return the aliases of that language, then those of every language
		 */
		public List<String> aliases(String language) {
			List<String> own = switch (language) {
				case "en" -> this.en;
				case "ja" -> this.ja;
				case "ko" -> this.ko;
				default -> List.of();
			};
			return java.util.stream.Stream.concat(own.stream(), this.all.stream()).toList();
		}

	}

	/**
	 * Two terms that count extra when they appear within a few words of each other.
	 *
	 * @param terms the names of the two terms
	 * @param within the largest number of words between them
	 * @param weight how much one such pair counts
	 */
	public record Near(List<String> terms, int within, double weight) {

		public Near {
			terms = (terms != null) ? List.copyOf(terms) : List.of();
		}

	}

}
