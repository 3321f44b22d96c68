package dev.newsmon.analysis.tagging;

/**
 * A rule that cannot be used, with a message naming the rule and the field at fault.
 */
public class InvalidRuleException extends RuntimeException {

	private final String ruleId;

	private final String field;

	/**
	 * Creates the exception.
	 * @param ruleId the rule, or the name of its source when the id is unknown
	 * @param field the path of the field at fault
	 * @param problem what is wrong with it
	 */
	public InvalidRuleException(String ruleId, String field, String problem) {
		super("rule '" + ruleId + "', field '" + field + "': " + problem);
		this.ruleId = ruleId;
		this.field = field;
	}

	InvalidRuleException(String ruleId, String field, String problem, Throwable cause) {
		super("rule '" + ruleId + "', field '" + field + "': " + problem, cause);
		this.ruleId = ruleId;
		this.field = field;
	}

	/**
	 * Returns the id of the rule, or the name of its file when the id is unknown.
	 * @return the rule
	 */
	public String getRuleId() {
		return this.ruleId;
	}

	/**
	 * Returns the path of the field at fault, such as {@code terms[2].weight}.
	 * @return the field
	 */
	public String getField() {
		return this.field;
	}

}
