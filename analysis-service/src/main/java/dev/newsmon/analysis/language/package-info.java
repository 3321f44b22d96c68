/**
 * Language detection of article text, with the feed's declared language as a hint only.
 */
package dev.newsmon.analysis.language;
