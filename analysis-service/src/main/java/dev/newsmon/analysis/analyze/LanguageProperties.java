package dev.newsmon.analysis.analyze;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of language detection.
 *
 * @param lowAccuracy whether lingua uses trigram models only: a fraction of the memory,
 * and as good on article-length text, where scripts and the feed's hint settle the rest
 */
@ConfigurationProperties("newsmon.analysis.language")
record LanguageProperties(@DefaultValue("true") boolean lowAccuracy) {

}
