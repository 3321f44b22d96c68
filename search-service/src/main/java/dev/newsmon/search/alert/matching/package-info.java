/**
 * Matching of new articles against every subscription in the JVM with Lucene Monitor,
 * with the query semantics and analysis of the search API.
 */
package dev.newsmon.search.alert.matching;
