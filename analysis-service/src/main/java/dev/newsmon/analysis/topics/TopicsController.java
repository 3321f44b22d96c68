package dev.newsmon.analysis.topics;

import java.util.List;

import dev.newsmon.analysis.tagging.TopicRule;
import dev.newsmon.analysis.tagging.TopicTagger;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/topics}: the taxonomy with its labels in English, Japanese and Korean,
 * and each topic's rule as it is applied now. {@code PUT /api/topics/{id}/rule} replaces
 * a topic's rule at run time (API key required); the body is a rule in the format of the
 * rule files, with a higher version than the rule in force.
 */
@RestController
class TopicsController {

	private final TopicTagger tagger;

	private final RuleChanges changes;

	TopicsController(TopicTagger tagger, RuleChanges changes) {
		this.tagger = tagger;
		this.changes = changes;
	}

	@GetMapping("/api/topics")
	List<TopicRule> topics() {
		return this.tagger.rules();
	}

	@PutMapping(path = "/api/topics/{id}/rule", consumes = MediaType.APPLICATION_JSON_VALUE)
	TopicRule changeRule(@PathVariable String id, @RequestBody String rule) {
		return this.changes.change(id, rule);
	}

}
