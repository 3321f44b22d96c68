package dev.newsmon.analysis.analyze;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.newsmon.analysis.tagging.Evidence;
import dev.newsmon.analysis.tagging.TopicRule;
import dev.newsmon.analysis.tagging.TopicTagger;
import dev.newsmon.events.ArticleAnalyzed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/analyze}: the full analysis of any text, for the user who asks "why
 * was this tagged?". Reads only, so it needs no API key; invalid or oversized input gets
 * a 400 problem detail.
 */
@RestController
class AnalyzeController {

	private final ArticleAnalyzer analyzer;

	private final TopicTagger tagger;

	AnalyzeController(ArticleAnalyzer analyzer, TopicTagger tagger) {
		this.analyzer = analyzer;
		this.tagger = tagger;
	}

	@PostMapping("/api/analyze")
	AnalyzeResponse analyze(@Valid @RequestBody AnalyzeRequest request) {
		Analysis analysis = this.analyzer.analyze(request.title(), "", request.body(), request.language());
		Map<String, Map<String, String>> labels = this.tagger.rules()
			.stream()
			.collect(Collectors.toMap(TopicRule::id, TopicRule::labels));
		List<AnalyzeResponse.Topic> topics = analysis.topics().stream().map((topic) -> {
			Map<String, String> topicLabels = labels.getOrDefault(topic.id(), Map.of());
			String label = topicLabels.getOrDefault(analysis.language(), topicLabels.getOrDefault("en", topic.id()));
			return new AnalyzeResponse.Topic(topic.id(), label, topic.score(), topic.evidence());
		}).toList();
		return new AnalyzeResponse(analysis.language(), topics, analysis.entities(), analysis.simhash());
	}

	/**
	 * A text to analyse.
	 *
	 * @param title the title
	 * @param body the body, possibly empty
	 * @param language the declared language (BCP 47), a hint only
	 */
	record AnalyzeRequest(@NotNull @Size(max = 2_000) String title, @Size(max = 200_000) String body,
			@Size(max = 35) String language) {

		@AssertTrue(message = "title or body must contain text")
		boolean isText() {
			return (this.title != null && !this.title.isBlank()) || (this.body != null && !this.body.isBlank());
		}

	}

	/**
	 * The analysis of a text.
	 *
	 * @param language the detected language
	 * @param topics the topics, best first
	 * @param entities the named entities
	 * @param simhash the 64-bit SimHash
	 */
	record AnalyzeResponse(String language, List<Topic> topics, List<ArticleAnalyzed.Entity> entities, long simhash) {

		record Topic(String id, String label, double score, List<Evidence> evidence) {

		}

	}

}
