package dev.newsmon.analysis.topics;

import dev.newsmon.analysis.tagging.InvalidRuleException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for rule changes, naming the rule and the field at fault.
 */
@RestControllerAdvice(assignableTypes = TopicsController.class)
class TopicsProblems {

	@ExceptionHandler
	ProblemDetail invalidRule(InvalidRuleException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid rule");
		problem.setProperty("rule", ex.getRuleId());
		problem.setProperty("field", ex.getField());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail versionConflict(RuleVersionConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Rule version conflict");
		problem.setProperty("field", "version");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail logUnavailable(RuleLogUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the rule change could not be stored, so it was not applied; try again");
		problem.setTitle("Rule log unavailable");
		return problem;
	}

}
