/**
 * The search API: parameters checked into criteria, criteria built into one Elasticsearch
 * request, and its response shaped into hits, facets, a histogram and a cursor.
 */
package dev.newsmon.search.query;
