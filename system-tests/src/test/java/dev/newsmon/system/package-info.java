/**
 * End-to-end tests that run the three services as separate processes on a real Kafka
 * broker and a real Elasticsearch.
 */
package dev.newsmon.system;
