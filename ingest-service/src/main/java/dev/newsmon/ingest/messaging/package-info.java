/**
 * Kafka: the topics this service declares, the publisher of fetched articles and the feed
 * registry kept in the log-compacted topic {@code news.feeds.v1}.
 */
package dev.newsmon.ingest.messaging;
