/**
 * The full analysis of an article (language, topics, entities, SimHash, story) and its
 * HTTP endpoint, {@code POST /api/analyze}.
 */
package dev.newsmon.analysis.analyze;
