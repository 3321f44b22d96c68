/**
 * Checks of the Kubernetes deployment in {@code deploy/k8s}: every overlay is rendered
 * with Kustomize and its objects are held to the invariants of the deployment, without a
 * cluster.
 */
package dev.newsmon.system.deploy;
