package dev.newsmon.analysis.apikey;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the API key check in front of the writes of the API. {@code POST /api/analyze}
 * only reads, so it stays open.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyWebMvcConfigurer implements WebMvcConfigurer {

	private final ApiKeyProperties properties;

	ApiKeyWebMvcConfigurer(ApiKeyProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.properties.apiKey()))
			.addPathPatterns("/api/**")
			.excludePathPatterns("/api/analyze");
	}

}
