package dev.newsmon.analysis.topics;

import java.util.Set;

import dev.newsmon.analysis.tagging.InvalidRuleException;
import dev.newsmon.analysis.tagging.RuleParser;
import dev.newsmon.analysis.tagging.TopicRule;
import dev.newsmon.analysis.tagging.TopicTagger;

/**
 * Changes topic rules at run time. A change is validated, stored in the shared
 * {@link RuleLog} and only then applied, so every replica, and this one after a restart,
 * replays the same changes on top of the bundled rule files. A rule applies only when its
 * version is higher than the one in force: a rule file shipped with a higher version wins
 * over an older change, and replaying a change twice does nothing.
 * <p>
 * The taxonomy's topic ids are a public contract, so a change can replace the rule of a
 * known topic but not add a topic.
 */
public class RuleChanges {

	private final TopicTagger tagger;

	private final RuleLog log;

	private final Set<String> topics;

	private final RuleParser parser = new RuleParser();

	/**
	 * Creates the changes of a tagger.
	 * @param tagger the tagger whose rules change
	 * @param log where changes are stored
	 * @param topics the ids of the taxonomy's topics
	 */
	public RuleChanges(TopicTagger tagger, RuleLog log, Set<String> topics) {
		this.tagger = tagger;
		this.log = log;
		this.topics = Set.copyOf(topics);
	}

	/**
	 * Validates, stores and applies a new rule for a topic.
	 * @param topicId the topic, from the request's path
	 * @param json the rule
	 * @return the rule now in force
	 * @throws InvalidRuleException if the rule is not valid, names another topic or an
	 * unknown one
	 * @throws RuleVersionConflictException if the rule is not newer than the one in force
	 * @throws RuleLogUnavailableException if the change could not be stored; then it is
	 * not applied either
	 */
	TopicRule change(String topicId, String json) {
		TopicRule rule = this.parser.parse(topicId, json);
		if (!rule.id().equals(topicId)) {
			throw new InvalidRuleException(topicId, "id", "'" + rule.id() + "' must be the topic of the path");
		}
		if (!this.topics.contains(topicId)) {
			throw new InvalidRuleException(topicId, "id", "unknown topic; the ids are those of the taxonomy");
		}
		this.tagger.validate(rule);
		synchronized (this) {
			TopicRule inForce = this.tagger.rule(topicId);
			if (inForce != null && rule.version() <= inForce.version()) {
				throw new RuleVersionConflictException(topicId, rule.version(), inForce.version());
			}
			this.log.append(topicId, json);
			this.tagger.register(rule);
		}
		return rule;
	}

	/**
	 * Applies a change read from the log, unless the rule in force is as new.
	 * @param json the rule as stored
	 * @return whether the rule was applied
	 * @throws InvalidRuleException if the stored rule is not valid
	 */
	public synchronized boolean replay(String json) {
		TopicRule rule = this.parser.parse("(rule log)", json);
		if (!this.topics.contains(rule.id())) {
			throw new InvalidRuleException(rule.id(), "id", "unknown topic; the ids are those of the taxonomy");
		}
		TopicRule inForce = this.tagger.rule(rule.id());
		if (inForce != null && rule.version() <= inForce.version()) {
			return false;
		}
		this.tagger.register(rule);
		return true;
	}

}
