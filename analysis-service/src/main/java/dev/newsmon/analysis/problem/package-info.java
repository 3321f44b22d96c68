/**
 * RFC 9457 problem details for requests that cannot be read: those that Tomcat refuses
 * before any controller sees them, and JSON bodies with unknown fields, wrong types or
 * broken syntax.
 */
package dev.newsmon.analysis.problem;
