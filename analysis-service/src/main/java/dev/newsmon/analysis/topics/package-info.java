/**
 * The taxonomy over HTTP: {@code GET /api/topics} lists the topics with their labels and
 * rules, {@code PUT /api/topics/{id}/rule} changes a rule at run time through the shared
 * rule log.
 */
package dev.newsmon.analysis.topics;
