package dev.newsmon.analysis.messaging;

import dev.newsmon.analysis.tagging.InvalidRuleException;
import dev.newsmon.analysis.topics.RuleChanges;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one stored record of the rule log, as the replay at start and the listener do.
 * The rule log is a compacted topic that every replica reads whole, so a record that
 * cannot be applied is logged and skipped (the rule in force stays): retrying it would
 * hold up every later change, and dead-lettering it would take it from no one.
 */
final class StoredRuleChanges {

	private static final Logger logger = LoggerFactory.getLogger(StoredRuleChanges.class);

	private StoredRuleChanges() {
	}

	/**
	 * Where a record is, as the log names it.
	 * @param record the record
	 * @return {@code topic-partition@offset}
	 */
	static String where(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}

	/**
	 * Applies a stored rule change.
	 * @param changes the rule changes of this replica
	 * @param json the stored rule
	 * @param where the record's partition and offset, for the log
	 * @return {@code true} when the rule replaced the one in force
	 */
	static boolean apply(RuleChanges changes, String json, String where) {
		try {
			return changes.replay(json);
		}
		catch (InvalidRuleException ex) {
			logger.warn("Skipped the stored rule change at {}: {}", where, ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			logger.error("Skipped the stored rule change at {}, which could not be applied; the rule in force stays",
					where, ex);
			return false;
		}
	}

}
