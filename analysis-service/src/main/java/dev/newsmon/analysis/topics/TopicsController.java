package dev.newsmon.analysis.topics;

import java.util.List;

import dev.newsmon.analysis.tagging.TopicRule;
import dev.newsmon.analysis.tagging.TopicTagger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/topics}: the taxonomy with its labels in English, Japanese and Korean,
 * and each topic's rule as it is applied now.
 */
@RestController
class TopicsController {

	private final TopicTagger tagger;

	TopicsController(TopicTagger tagger) {
		this.tagger = tagger;
	}

	@GetMapping("/api/topics")
	List<TopicRule> topics() {
		return this.tagger.rules();
	}

}
