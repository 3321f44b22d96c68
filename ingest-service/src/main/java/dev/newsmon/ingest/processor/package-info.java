/**
 * Turning parsed feed items into articles: plain text from HTML, canonical URLs, article
 * ids and sane dates.
 */
package dev.newsmon.ingest.processor;
