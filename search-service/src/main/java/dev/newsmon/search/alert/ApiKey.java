package dev.newsmon.search.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API key check, as in the other services (ADR 0011): a 401 problem with a Bearer
 * challenge (RFC 6750 section 3) unless the header carries the configured key, compared
 * in constant time.
 */
final class ApiKey {

	private static final String BEARER = "Bearer ";

	private final byte[] key;

	ApiKey(String key) {
		this.key = (key != null && !key.isBlank()) ? key.getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * Checks the {@code Authorization} header.
	 * @param authorization the header, or {@code null}
	 * @throws ErrorResponseException with status 401 when the key is missing or wrong
	 */
	void check(String authorization) {
		if (this.key == null) {
			throw unauthorized("writes are disabled: no API key is configured (NEWSMON_API_KEY)");
		}
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw unauthorized("this needs the header 'Authorization: Bearer <API key>'");
		}
		byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(given, this.key)) {
			throw unauthorized("the API key is wrong");
		}
	}

	private static ErrorResponseException unauthorized(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle("Unauthorized");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsmon\"");
		return exception;
	}

}
