package dev.newsmon.search.query;

/**
 * A request parameter that cannot be used, and why; answered with a 400 problem.
 */
class InvalidParameterException extends RuntimeException {

	private final String parameter;

	InvalidParameterException(String parameter, String reason) {
		super(reason);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
