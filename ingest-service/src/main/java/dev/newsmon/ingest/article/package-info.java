/**
 * The identity of an article: its canonical URL and the article id derived from it.
 */
package dev.newsmon.ingest.article;
