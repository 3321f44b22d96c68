package dev.newsmon.search.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How searches run.
 *
 * @param pitKeepAlive how long a cursor's point in time stays open after each page: a
 * client that waits longer between pages starts again from the first page
 */
@ConfigurationProperties("newsmon.search.query")
record QueryProperties(@DefaultValue("2m") Duration pitKeepAlive) {

	String keepAlive() {
		return Math.max(1, this.pitKeepAlive.toSeconds()) + "s";
	}

}
