/**
 * The analysis service of newsmon: language, topics, near-duplicate clusters.
 */
package dev.newsmon.analysis;
