/**
 * The service's Kafka edge: the topics it declares, the listener of fetched articles, the
 * publisher of analysed ones and the dead-letter handling.
 */
package dev.newsmon.analysis.messaging;
