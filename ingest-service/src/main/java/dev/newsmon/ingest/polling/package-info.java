/**
 * Polling the feeds: when each is due, how many at once, backoff after failures, and the
 * pipeline of one poll from fetch to publication.
 */
package dev.newsmon.ingest.polling;
