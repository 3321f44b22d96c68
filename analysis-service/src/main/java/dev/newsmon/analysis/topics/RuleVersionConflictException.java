package dev.newsmon.analysis.topics;

/**
 * A submitted rule is not newer than the rule in force.
 */
class RuleVersionConflictException extends RuntimeException {

	RuleVersionConflictException(String topicId, int submitted, int inForce) {
		super("rule '" + topicId + "', field 'version': " + submitted + " must be higher than the version in force, "
				+ inForce);
	}

}
