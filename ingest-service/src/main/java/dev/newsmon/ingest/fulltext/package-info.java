/**
 * Full text of articles whose feeds carry only summaries: the article page fetched under
 * the feed rules and its main text extracted.
 */
package dev.newsmon.ingest.fulltext;
