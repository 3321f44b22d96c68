/**
 * The API key that every write to the API needs.
 */
package dev.newsmon.analysis.apikey;
