package dev.newsmon.analysis.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses writes (anything but GET, HEAD and OPTIONS) without the API key, with a 401
 * problem (RFC 6750 section 3 for the challenge). Keys are compared in constant time.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

	private static final String BEARER = "Bearer ";

	private final byte[] key;

	ApiKeyInterceptor(String key) {
		this.key = (key != null && !key.isBlank()) ? key.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
			return true;
		}
		if (this.key == null) {
			throw unauthorized("writes are disabled: no API key is configured (NEWSMON_API_KEY)");
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw unauthorized("writes need the header 'Authorization: Bearer <API key>'");
		}
		byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(given, this.key)) {
			throw unauthorized("the API key is wrong");
		}
		return true;
	}

	private static ErrorResponseException unauthorized(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle("Unauthorized");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsmon\"");
		return exception;
	}

}
