/**
 * The bundled demo feeds, served by this service and registered at start-up when enabled,
 * so that a machine without internet access still shows articles.
 */
package dev.newsmon.ingest.demo;
