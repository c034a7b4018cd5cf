/**
 * Kubernetes manifests: one resource per object (items of {@code kind: List} included), type
 * {@code apiVersion kind}, address {@code Kind/namespace/name} ({@code Kind/name} for cluster-scoped kinds), located
 * at the object's first key, body the whole object. Aliases and merge keys are expanded; duplicate keys warn and
 * the last value wins, as kubectl does.
 */
package io.spofscan.parsers.kubernetes;
