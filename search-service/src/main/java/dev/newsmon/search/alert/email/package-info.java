/**
 * The email channel: alerts to one address within a short window go out as one digest
 * mail through SMTP.
 */
package dev.newsmon.search.alert.email;
