/**
 * The end-to-end benchmark: the three services as processes on a real broker and
 * Elasticsearch, fed by a local feed farm, measured against raw baselines.
 */
package dev.newsmon.system.bench;
