/**
 * The feed registry: which feeds are followed, their health and their API.
 */
package dev.newsmon.ingest.feed;
