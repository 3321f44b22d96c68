/**
 * Topic tagging: rules read from data files, compiled into queries over analysed words
 * and matched all at once against the tokens of each article, with scores and evidence.
 */
package dev.newsmon.analysis.tagging;
