/**
 * Matching of new articles against every subscription in the JVM, by evaluating the
 * search API's Lucene queries on each analysed article (Lucene Monitor for the rest).
 */
package dev.newsmon.search.alert.matching;
