package dev.newsmon.search.alert.trend;

import dev.newsmon.search.alert.Alert;
import dev.newsmon.search.alert.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TrendRuleTests {

	private final TrendRule rule = new TrendRule(336, 0.5);

	@ParameterizedTest(name = "{0} in the last hour, {1} in 14 days, factor {2}, minimum {3}: burst {4}")
	@CsvSource({ "8, 28, 3, 5, true", // quiet baseline (0.08/h): the floor 0.5 counts, 8
										// > 1.5
			"4, 28, 3, 5, false", // under the minimum
			"5, 672, 3, 5, false", // baseline 2/h: 5 is not more than 6
			"7, 672, 3, 5, true", "6, 672, 3, 5, false", // strictly more than
			"1, 0, 3, 0, false", // no history at all: the floor keeps 1 match from being
									// a burst
			"2, 0, 3, 0, true" // but 2 > 3 * 0.5
	})
	void decidesBursts(long lastHour, long baseline, double factor, int minimum, boolean burst) {
		assertThat(this.rule.evaluate(new Subscription.Trend(factor, minimum), lastHour, baseline).isPresent())
			.isEqualTo(burst);
	}

	@Test
	void reportsTheHourlyBaseline() {
		assertThat(this.rule.evaluate(new Subscription.Trend(3, 5), 8, 28))
			.contains(new Alert.TrendReport(8, 28 / 336.0, 3));
	}

}
