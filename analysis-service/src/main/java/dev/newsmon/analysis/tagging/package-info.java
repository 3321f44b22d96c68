/**
 * Topic tagging: rules read from data files, compiled into Lucene queries and matched all
 * at once against each article with Lucene Monitor, with scores and evidence.
 */
package dev.newsmon.analysis.tagging;
