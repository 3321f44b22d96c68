/**
 * Japanese and Korean word segmentation in the JVM, so that Elasticsearch clusters with
 * only the core analyzers still search these languages by word.
 */
package dev.newsmon.search.cjk;
