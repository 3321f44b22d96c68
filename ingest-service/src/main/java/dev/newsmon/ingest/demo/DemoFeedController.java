package dev.newsmon.ingest.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the bundled demo feeds at {@code /demo/feeds/<name>.xml}.
 */
@RestController
@ConditionalOnBooleanProperty("newsmon.ingest.demo.enabled")
class DemoFeedController {

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private final DemoProperties properties;

	DemoFeedController(DemoProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/demo/feeds/{name}.xml")
	ResponseEntity<Resource> feed(@PathVariable String name) {
		if (!this.properties.serves(name)) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok().contentType(RSS).body(new ClassPathResource("demo/" + name + ".xml"));
	}

}
