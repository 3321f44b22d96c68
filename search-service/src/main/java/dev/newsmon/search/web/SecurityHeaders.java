package dev.newsmon.search.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the headers that keep the page's content in its place: a Content-Security-Policy
 * that runs only the service's own scripts (no inline script, no eval, no other origin),
 * no MIME sniffing, no referrer to the outlets a reader follows, and no framing. Article
 * text is untrusted (issue 7): the policy is the second wall behind the page's own
 * escaping.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'none'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "manifest-src 'self'",
			"base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Frame-Options", "DENY");
		if (!servesItsOwnPolicy(request.getRequestURI())) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		}
		chain.doFilter(request, response);
	}

	/**
	 * The OpenAPI explorer comes with inline styles of its own: it keeps the browser's
	 * defaults rather than a policy that would break it.
	 */
	private static boolean servesItsOwnPolicy(String path) {
		return path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
	}

}
