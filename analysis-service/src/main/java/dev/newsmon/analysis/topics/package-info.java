/**
 * The taxonomy over HTTP: {@code GET /api/topics} lists the topics with their labels and
 * rules.
 */
package dev.newsmon.analysis.topics;
