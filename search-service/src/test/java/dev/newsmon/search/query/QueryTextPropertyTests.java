package dev.newsmon.search.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.newsmon.search.cjk.CjkTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Properties of the query rewriting over generated queries mixing Latin and CJK words,
 * every operator of the simple syntax, stray quotes, backslashes, brackets, odd
 * whitespace and characters outside the basic plane: it never throws, its quotes pair up,
 * no CJK word is left outside quotes for the standard fields, and Lucene's
 * {@link SimpleQueryParser}, with the operators Elasticsearch is given, accepts it. A
 * fixed seed and number of tries keep a run repeatable and short;
 * {@code -Dnewsmon.property.seed=<n>} runs another sample. The preemptive timeout guards
 * against a hang.
 */
class QueryTextPropertyTests {

	private static final long SEED = Long.getLong("newsmon.property.seed", 20261127L);

	private static final int TRIES = 500;

	private static final Duration BUDGET = Duration.ofSeconds(30);

	/** The operators of {@code SearchRequests}: no escape, prefix, fuzzy or slop. */
	private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
			| SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
			| SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR;

	private static final List<String> PIECES = List.of("missile", "NATO", "F-35", "joint", "drill", "北朝鮮", "韓国", "日本",
			"インド太平洋戦略", "ミサイル", "북한", "북한은", "한일", "관계", "台湾海峡", "\"", "\"", "-", "|", "+", "(", ")", "\\", "*", "~2",
			"~", " ", " ", " ", "\t", "\u3000", "\n", "💥", "𠮷", "\uD800", "a\\\"b", "北\\", "\\\"", "--", "||", "\"\"",
			"e.g.", "x_y", "AND", "OR", "NOT", "title:x");

	private static final CjkTokenizer tokenizer = new CjkTokenizer();

	private static final SimpleQueryParser lucene;

	static {
		lucene = new SimpleQueryParser(new StandardAnalyzer(), Map.of("title", 1.0f), FLAGS);
	}

	@Test
	void standardFieldRewritingNeverThrowsPairsQuotesQuotesCjkWordsAndParses() {
		SplittableRandom random = new SplittableRandom(SEED);
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < TRIES; i++) {
				String q = query(random);
				String rewritten = QueryText.forStandardFields(q);
				String context = "seed " + SEED + ", try " + i + ": [" + show(q) + "] -> [" + show(rewritten) + "]";
				assertThat(quotes(rewritten) % 2).as(context).isZero();
				assertThat(bareWords(rewritten)).as(context).noneMatch(CjkTokenizer::containsCjk);
				lucene.parse(rewritten);
			}
		});
	}

	@Test
	void cjkFieldRewritingNeverThrowsPairsQuotesAndParses() {
		SplittableRandom random = new SplittableRandom(SEED + 1);
		assertTimeoutPreemptively(BUDGET, () -> {
			for (int i = 0; i < TRIES; i++) {
				String q = query(random);
				String rewritten = QueryText.forCjkField(q, tokenizer);
				String context = "seed " + SEED + ", try " + i + ": [" + show(q) + "] -> [" + show(rewritten) + "]";
				if (rewritten == null) {
					// nothing to look for in the CJK field
					continue;
				}
				assertThat(quotes(rewritten) % 2).as(context).isZero();
				lucene.parse(rewritten);
			}
		});
	}

	private static String query(SplittableRandom random) {
		StringBuilder q = new StringBuilder();
		int pieces = random.nextInt(0, 12);
		for (int i = 0; i < pieces; i++) {
			q.append(PIECES.get(random.nextInt(PIECES.size())));
		}
		return q.toString();
	}

	/** The text with control characters and lone surrogates visible in a report. */
	private static String show(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c < 0x20 || Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static int quotes(String text) {
		return (int) text.chars().filter((c) -> c == '"').count();
	}

	/** The words outside phrases, split where the simple syntax splits them. */
	private static List<String> bareWords(String text) {
		StringBuilder outside = new StringBuilder();
		boolean inPhrase = false;
		for (char c : text.toCharArray()) {
			if (c == '"') {
				inPhrase = !inPhrase;
				outside.append(' ');
			}
			else if (!inPhrase) {
				outside.append(c);
			}
		}
		return List.of(outside.toString().split("[\\s|+()\\-]+"));
	}

}
