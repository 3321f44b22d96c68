package dev.newsmon.search.timeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How timelines and the rising topics are computed.
 *
 * @param defaultRange the range a timeline covers when the request names no start
 * @param maxDays the most days one timeline may span
 * @param baselineDays how many days before the last 24 hours make a topic's baseline
 * @param risingFactor how many times its mean daily count a topic must reach in the last
 * 24 hours to be rising
 * @param risingMinimum the fewest articles in the last 24 hours that can make a topic
 * rising, so that one article on a quiet topic is not news
 */
@ConfigurationProperties("newsmon.search.timeline")
record TimelineProperties(@DefaultValue("30d") Duration defaultRange, @DefaultValue("400") int maxDays,
		@DefaultValue("14") int baselineDays, @DefaultValue("2.0") double risingFactor,
		@DefaultValue("3") int risingMinimum) {

}
