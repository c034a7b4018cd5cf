/**
 * The YAML/JSON router: which format a document is.
 *
 * <p>{@link io.spofscan.parsers.documents.DocumentParser} reads every non-Terraform candidate file (and text given
 * on stdin through {@code parseText}) with the located reader of {@code yaml} and tells the formats apart by
 * content: a CloudFormation template ({@code AWSTemplateFormatVersion}, or Resources with {@code Type: X::Y::Z}),
 * Kubernetes objects ({@code apiVersion} and {@code kind}), or anything else, which is skipped silently unless it
 * looks like one of the two and does not parse. Helm charts and kustomizations are reported (INFO) with the command
 * that renders them. The format packages read what it hands them and never call back.
 */
package io.spofscan.parsers.documents;
