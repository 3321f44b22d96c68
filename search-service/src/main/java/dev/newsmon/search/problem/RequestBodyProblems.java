package dev.newsmon.search.problem;

import dev.newsmon.problem.UnreadableJson;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's standard problem details (in place of Boot's, which this replaces), except
 * that a JSON body that cannot be read says which field is wrong and how.
 */
@RestControllerAdvice
class RequestBodyProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, UnreadableJson.problem(ex), headers, status, request);
	}

}
