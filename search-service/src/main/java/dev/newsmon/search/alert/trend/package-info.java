/**
 * Trend alerts: a subscription can ask to hear of bursts, when its matches in the last
 * hour far exceed its hourly baseline of the previous two weeks.
 */
package dev.newsmon.search.alert.trend;
