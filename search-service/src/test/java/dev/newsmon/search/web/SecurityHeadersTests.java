package dev.newsmon.search.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTests {

	private final SecurityHeaders filter = new SecurityHeaders();

	@Test
	void thePageGetsAPolicyWithoutInlineScript() throws Exception {
		MockHttpServletResponse response = filter("/");
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'")
			.contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("base-uri 'none'")
			.doesNotContain("unsafe");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void theOpenApiExplorerKeepsItsOwnStylesButNotItsFraming() throws Exception {
		MockHttpServletResponse response = filter("/swagger-ui/index.html");
		assertThat(response.getHeader("Content-Security-Policy")).isNull();
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	private MockHttpServletResponse filter(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
