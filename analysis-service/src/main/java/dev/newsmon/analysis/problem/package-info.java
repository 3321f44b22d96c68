/**
 * RFC 9457 problem details for the requests that Tomcat refuses before any controller
 * sees them.
 */
package dev.newsmon.analysis.problem;
