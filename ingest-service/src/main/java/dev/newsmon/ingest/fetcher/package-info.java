/**
 * Fetching feeds over HTTP politely and safely: conditional requests, bounded redirects,
 * time and size limits, refused private addresses and classified failures.
 */
package dev.newsmon.ingest.fetcher;
