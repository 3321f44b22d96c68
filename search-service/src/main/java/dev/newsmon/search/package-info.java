/**
 * The search service: indexes analysed articles into Elasticsearch and serves the search
 * API.
 */
package dev.newsmon.search;
