/**
 * WebSub (W3C Recommendation): subscribing to the hubs that feeds name, answering their
 * verification of intent and taking their signed content pushes through the poll
 * pipeline.
 */
package dev.newsmon.ingest.websub;
