package dev.newsmon.ingest.apikey;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the API key check in front of the API.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyWebMvcConfigurer implements WebMvcConfigurer {

	private final ApiKeyProperties properties;

	ApiKeyWebMvcConfigurer(ApiKeyProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiKeyInterceptor(this.properties.apiKey())).addPathPatterns("/api/**");
	}

}
