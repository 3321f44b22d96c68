/**
 * Keeps the articles index in Elasticsearch: its template, versioned index and alias, and
 * idempotent bulk writes of analysed articles.
 */
package dev.newsmon.search.indexing;
