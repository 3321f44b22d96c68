/**
 * Reading RSS and Atom documents with Rome into plain records; the only package that
 * knows Rome.
 */
package dev.newsmon.ingest.parser;
