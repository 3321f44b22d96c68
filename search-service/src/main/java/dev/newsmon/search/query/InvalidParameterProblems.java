package dev.newsmon.search.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The 400 problem for an {@link InvalidParameterException}, naming the parameter, for
 * every controller that parses parameters with {@link SearchCriteria} (search and
 * timeline).
 */
@RestControllerAdvice
class InvalidParameterProblems {

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.parameter() + ": " + ex.getMessage());
		problem.setTitle("Invalid parameter");
		problem.setType(URI.create("https://newsmon.dev/problems/invalid-parameter"));
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

}
