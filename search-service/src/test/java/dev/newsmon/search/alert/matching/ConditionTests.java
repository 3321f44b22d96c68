package dev.newsmon.search.alert.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.newsmon.search.cjk.CjkTokenizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionTests {

	private static final CjkTokenizer tokenizer = new CjkTokenizer();

	private static final SubscriptionQuery queries = new SubscriptionQuery(tokenizer);

	private static final String[] WORDS = { "missile", "launch", "navy", "sea", "F-35", "chip", "export", "controls",
			"the", "north", "korea", "北朝鮮", "発射", "북한", "발사", "joint", "drills", "U.S.", "co-op", "42" };

	@Test
	void decidesAsLuceneDoesForGeneratedQueriesAndArticles() {
		Random random = new Random(7);
		Analyzer analyzer = queries.documentAnalyzer();
		List<Map<String, String>> articles = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			articles.add(article(random, (i % 3 == 0) ? "ja" : (i % 3 == 1) ? "ko" : "en"));
		}
		List<String> texts = new ArrayList<>();
		List<Query> lucene = new ArrayList<>();
		List<Condition> conditions = new ArrayList<>();
		for (int q = 0; q < 400; q++) {
			String text = query(random);
			Query query = queries.toLucene(text);
			Condition condition = Condition.of(query);
			assertThat(condition).as(text + " -> " + query).isNotNull();
			texts.add(text);
			lucene.add(query);
			conditions.add(condition);
		}
		int compared = 0;
		int matched = 0;
		for (Map<String, String> article : articles) {
			MemoryIndex index = new MemoryIndex();
			article.forEach((field, value) -> {
				if (value != null && !value.isEmpty()) {
					index.addField(field, value, analyzer);
				}
			});
			ArticleTerms terms = ArticleTerms.analyse(analyzer, article);
			for (int q = 0; q < lucene.size(); q++) {
				Query query = lucene.get(q);
				boolean expected = index.search(query) > 0.0f;
				if (conditions.get(q).matches(terms) != expected) {
					assertThat(!expected).as(texts.get(q) + " -> " + query + " on " + article).isEqualTo(expected);
				}
				Set<Condition.FieldTerm> anchors = conditions.get(q).anchors();
				if (expected && anchors != null) {
					assertThat(anchors).as("anchors of " + query)
						.anyMatch((anchor) -> terms.positions(anchor.field(), anchor.term()) != null);
				}
				compared++;
				matched += expected ? 1 : 0;
			}
		}
		assertThat(compared).isEqualTo(400 * 60);
		assertThat(matched).isBetween(1000, 20000);
	}

	@Test
	void answersNullForQueriesItDoesNotKnow() {
		assertThat(
				Condition.of(new org.apache.lucene.search.PrefixQuery(new org.apache.lucene.index.Term("body", "mi"))))
			.isNull();
	}

	private static String query(Random random) {
		StringBuilder query = new StringBuilder();
		int parts = 1 + random.nextInt(3);
		for (int p = 0; p < parts; p++) {
			if (p > 0) {
				query.append(switch (random.nextInt(4)) {
					case 0 -> " | ";
					case 1 -> " + ";
					default -> " ";
				});
			}
			switch (random.nextInt(6)) {
				case 0 -> query.append('"').append(word(random)).append(' ').append(word(random)).append('"');
				case 1 -> query.append('-').append(word(random));
				case 2 -> query.append('(').append(word(random)).append(" | ").append(word(random)).append(')');
				default -> query.append(word(random));
			}
		}
		return query.toString();
	}

	private static String word(Random random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

	private static Map<String, String> article(Random random, String language) {
		Map<String, String> fields = new LinkedHashMap<>();
		String title = text(random, 4);
		String summary = (random.nextInt(4) == 0) ? "" : text(random, 8);
		String body = text(random, 20);
		fields.put("title", title);
		fields.put("summary", summary);
		fields.put("body", body);
		fields.put(SubscriptionQuery.CJK_FIELD,
				String.join(" ", tokenizer.tokenize(title, language)) + " "
						+ String.join(" ", tokenizer.tokenize(summary, language)) + " "
						+ String.join(" ", tokenizer.tokenize(body, language)));
		return fields;
	}

	private static String text(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < words; w++) {
			text.append(word(random)).append((random.nextInt(5) == 0) ? "は" : " ");
		}
		return text.toString().strip();
	}

}
