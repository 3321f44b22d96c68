/**
 * Near-duplicate detection: SimHash fingerprints of article text and the story clusters
 * they form.
 */
package dev.newsmon.analysis.story;
