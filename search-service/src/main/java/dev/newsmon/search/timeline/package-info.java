/**
 * Topic volumes over time for the web page: a daily series per topic and the topics
 * rising above their baseline.
 */
package dev.newsmon.search.timeline;
