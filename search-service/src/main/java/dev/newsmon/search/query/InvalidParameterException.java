package dev.newsmon.search.query;

/**
 * A request parameter that cannot be used, and why; answered with a 400 problem by
 * {@link InvalidParameterProblems}.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	public InvalidParameterException(String parameter, String reason) {
		super(reason);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
