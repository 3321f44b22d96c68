package dev.newsmon.search.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsmon.search.query.InvalidParameterException;
import dev.newsmon.search.query.SearchCriteria;
import dev.newsmon.search.query.TopicTaxonomy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/timeline} (daily counts per topic of the matching articles) and
 * {@code GET /api/rising} (topics well above their baseline in the last 24 hours).
 */
@RestController
class TimelineController {

	private static final Log logger = LogFactory.getLog(TimelineController.class);

	// the busiest topics drawn when the request names none
	private static final int DEFAULT_TOPICS = 5;

	private final TopicVolumes volumes;

	private final TimelineProperties properties;

	private final Clock clock;

	private final Set<String> topicIds = TopicTaxonomy.topicIds();

	TimelineController(TopicVolumes volumes, TimelineProperties properties, Clock clock) {
		this.volumes = volumes;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/timeline")
	Timeline timeline(@RequestParam(required = false) String q,
			@RequestParam(name = "topic", required = false) List<String> topics,
			@RequestParam(required = false) String lang, @RequestParam(required = false) String source,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		SearchCriteria criteria = SearchCriteria.parse(q, topics, lang, source, from, to, null, null, null,
				this.topicIds);
		Instant end = (criteria.to() != null) ? criteria.to() : this.clock.instant();
		if (criteria.from() == null) {
			String start = end.minus(this.properties.defaultRange()).truncatedTo(ChronoUnit.DAYS).toString();
			criteria = SearchCriteria.parse(q, topics, lang, source, start, to, null, null, null, this.topicIds);
		}
		LocalDate firstDay = LocalDate.ofInstant(criteria.from(), ZoneOffset.UTC);
		// "to" is exclusive: an end at midnight closes the day before
		LocalDate lastDay = LocalDate.ofInstant(end.minusMillis(1), ZoneOffset.UTC);
		if (lastDay.isBefore(firstDay)) {
			throw new InvalidParameterException("from", "must be before to");
		}
		if (ChronoUnit.DAYS.between(firstDay, lastDay) + 1 > this.properties.maxDays()) {
			throw new InvalidParameterException("from", "spans more than " + this.properties.maxDays() + " days");
		}
		Map<String, Map<LocalDate, Long>> counts = this.volumes.daily(criteria, DEFAULT_TOPICS);
		List<String> drawn = criteria.topics().isEmpty() ? List.copyOf(counts.keySet()) : criteria.topics();
		return Timeline.of(firstDay, lastDay, drawn, counts);
	}

	@GetMapping("/api/rising")
	RisingTopics rising() {
		Instant now = this.clock.instant();
		List<RisingTopics.Counts> counts = this.volumes.recent(now, this.properties.baselineDays());
		return RisingTopics.of(now, counts, this.properties.baselineDays(), this.properties.risingFactor(),
				this.properties.risingMinimum());
	}

	@ExceptionHandler
	ProblemDetail unavailable(TimelineUnavailableException ex) {
		logger.warn("Timeline failed", ex.getCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Timelines are unavailable for a moment; try again shortly");
		problem.setTitle("Timeline unavailable");
		return problem;
	}

}
