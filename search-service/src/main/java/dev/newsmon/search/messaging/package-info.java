/**
 * The service's Kafka edge: the topics it declares, the listener of analysed articles and
 * the dead-letter handling of records that can never be indexed.
 */
package dev.newsmon.search.messaging;
