/**
 * The web page at {@code /} and the security headers that it and its files are served
 * with.
 */
package dev.newsmon.search.web;
