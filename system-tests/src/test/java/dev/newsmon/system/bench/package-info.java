/**
 * The end-to-end benchmarks: services as processes on a real broker and Elasticsearch,
 * fed by a local feed farm or by a producer of their own, measured against raw baselines.
 */
package dev.newsmon.system.bench;
