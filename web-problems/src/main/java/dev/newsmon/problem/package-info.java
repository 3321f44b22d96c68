/**
 * The 400 problem details for request bodies that cannot be read, the same in every
 * service.
 */
package dev.newsmon.problem;
