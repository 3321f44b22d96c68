/**
 * The webhook channel: signed JSON POSTs to the subscriber's URL, retried with backoff,
 * only ever to public addresses checked when the connection is made.
 */
package dev.newsmon.search.alert.webhook;
