package dev.newsmon.analysis.topics;

/**
 * The durable, shared log of rule changes that every replica replays at start-up.
 */
public interface RuleLog {

	/**
	 * Appends a rule and returns once the log has stored it.
	 * @param topicId the topic the rule is for, the key of the change
	 * @param json the rule as it was submitted
	 * @throws RuleLogUnavailableException if the log did not store it
	 */
	void append(String topicId, String json);

}
