/**
 * The immutable, past-tense records that newsmon's services exchange over Kafka, and the
 * names of the topics that carry them.
 */
package dev.newsmon.events;
