/**
 * Kafka: the topics this service declares and the publisher of fetched articles.
 */
package dev.newsmon.ingest.messaging;
