package dev.newsmon.analysis.tagging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hits found in the analysed tokens are those that Lucene finds for the same clause
 * in a {@link MemoryIndex} of the same text, for every clause of every rule and entity
 * and every article of both evaluation sets.
 */
class AnalysedArticleTests {

	private static TextAnalyzers analyzers;

	private static List<MatchQuery.Clause> clauses;

	@BeforeAll
	static void compile() {
		analyzers = new TextAnalyzers();
		RuleCompiler compiler = new RuleCompiler(analyzers);
		clauses = new ArrayList<>();
		Rules.all().forEach((rule) -> compiler.compile(rule, 1).queries().forEach((q) -> clauses.addAll(q.clauses())));
		for (GazetteerEntity entity : Rules.gazetteer()) {
			clauses.addAll(compiler.anyName(entity.id(), "names", entity.names()));
			if (entity.except().values().stream().anyMatch((except) -> !except.isEmpty())) {
				clauses.addAll(compiler.anyName(entity.id(), "except", entity.except()));
			}
		}
	}

	@AfterAll
	static void close() {
		analyzers.close();
	}

	@Test
	void everyClauseHitsWhatLuceneHits() throws IOException {
		List<Evaluation.Labelled> articles = new ArrayList<>(Evaluation.read("/eval/tagging-dev.jsonl"));
		articles.addAll(Evaluation.read("/eval/tagging-holdout.jsonl"));
		int matched = 0;
		int sloppy = 0;
		for (Evaluation.Labelled article : articles) {
			Map<String, String> fields = TopicTagger
				.fields(Map.of("title", article.title(), "summary", "", "body", article.body()));
			AnalysedArticle analysed = AnalysedArticle.analyse(analyzers.perField(), fields);
			MemoryIndex index = new MemoryIndex(true);
			fields.forEach((field, text) -> index.addField(field, text, analyzers.perField()));
			IndexSearcher searcher = index.createSearcher();
			for (MatchQuery.Clause clause : clauses) {
				Map<String, Map<Long, AnalysedArticle.Hit>> found = new TreeMap<>();
				analysed.addHits(clause, found);
				Set<AnalysedArticle.Hit> ours = new HashSet<>();
				found.values().forEach((hits) -> ours.addAll(hits.values()));
				Set<AnalysedArticle.Hit> lucene = lucene(searcher, clause);
				assertThat(ours).as("%s in %s", clause, article.id()).isEqualTo(lucene);
				matched += lucene.isEmpty() ? 0 : 1;
				sloppy += (lucene.isEmpty() || clause.slop() == 0) ? 0 : 1;
			}
		}
		assertThat(matched).isGreaterThan(1000);
		assertThat(sloppy).isPositive();
	}

	/** The hits as Lucene Monitor's highlights report them. */
	private static Set<AnalysedArticle.Hit> lucene(IndexSearcher searcher, MatchQuery.Clause clause)
			throws IOException {
		for (TextAnalyzers.Token token : clause.tokens()) {
			// a clause with a word that the field lacks has no hits
			if (searcher.getIndexReader().docFreq(new Term(clause.field(), token.term())) == 0) {
				return Set.of();
			}
		}
		Query query;
		if (clause.tokens().size() == 1) {
			query = new TermQuery(new Term(clause.field(), clause.tokens().get(0).term()));
		}
		else {
			PhraseQuery.Builder phrase = new PhraseQuery.Builder();
			clause.tokens().forEach((token) -> phrase.add(new Term(clause.field(), token.term()), token.position()));
			phrase.setSlop(clause.slop());
			query = phrase.build();
		}
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
		Matches matches = weight.matches(searcher.getIndexReader().leaves().get(0), 0);
		Set<AnalysedArticle.Hit> hits = new HashSet<>();
		if (matches != null) {
			for (String field : matches) {
				MatchesIterator iterator = matches.getMatches(field);
				while (iterator.next()) {
					MatchesIterator sub = iterator.getSubMatches();
					if (sub != null) {
						while (sub.next()) {
							hits.add(new AnalysedArticle.Hit(field, sub.startOffset(), sub.endOffset()));
						}
					}
					else {
						hits.add(new AnalysedArticle.Hit(field, iterator.startOffset(), iterator.endOffset()));
					}
				}
			}
		}
		return hits;
	}

}
