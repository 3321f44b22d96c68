package dev.newsmon.search.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter that cannot be used, and why. It is its own 400 problem (naming the
 * parameter), so every controller that parses parameters answers it the same way without
 * a handler of its own.
 */
public class InvalidParameterException extends ErrorResponseException {

	private final String parameter;

	private final String reason;

	public InvalidParameterException(String parameter, String reason) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, reason), null);
		this.parameter = parameter;
		this.reason = reason;
	}

	private static ProblemDetail problem(String parameter, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + reason);
		problem.setTitle("Invalid parameter");
		problem.setType(URI.create("https://newsmon.dev/problems/invalid-parameter"));
		problem.setProperty("parameter", parameter);
		return problem;
	}

	public String parameter() {
		return this.parameter;
	}

	@Override
	public String getMessage() {
		return this.reason;
	}

}
