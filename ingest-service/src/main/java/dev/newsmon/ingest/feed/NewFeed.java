package dev.newsmon.ingest.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A feed to register, as the API and the default feed list describe it.
 *
 * @param url the feed's absolute http or https URL
 * @param name the name shown as the source of its articles; the host when absent
 * @param language the language the feed is written in (BCP 47), if known
 * @param intervalSeconds how often to poll it; the configured default when absent
 * @param fullText whether to fetch the page of each new item for its full text; off when
 * absent
 */
public record NewFeed(@NotBlank @Size(max = 2048) String url, @Size(max = 200) String name,
		@Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
				message = "must be a language tag such as en, ja or ko") String language,
		@Min(60) @Max(86400) Integer intervalSeconds, Boolean fullText) {

}
