/**
 * Alerts: saved searches that are matched against every newly indexed article and
 * delivered once each, on the channel their owner chose.
 */
package dev.newsmon.search.alert;
