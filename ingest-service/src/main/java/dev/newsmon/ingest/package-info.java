/**
 * ingest-service: the feed registry, fetching, parsing, cleaning and publishing of
 * articles.
 */
package dev.newsmon.ingest;
