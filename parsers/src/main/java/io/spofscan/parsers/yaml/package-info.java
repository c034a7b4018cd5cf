/**
 * YAML and JSON documents into the located model.
 *
 * <p>{@link io.spofscan.parsers.yaml.DocumentParser} reads every non-Terraform candidate file (and text given on
 * stdin through {@code parseText}), decodes it ({@link io.spofscan.parsers.yaml.TextDecoder}: UTF-8, BOMs, UTF-16
 * with a warning, binary and invalid UTF-8 reported with their line), builds located trees
 * ({@link io.spofscan.parsers.yaml.YamlTreeBuilder} on SnakeYAML's event stream, which keeps short-form tags,
 * anchors and positions; {@link io.spofscan.parsers.yaml.JsonTreeBuilder} on Jackson's streaming parser read from a
 * Reader, so columns count UTF-16 units) and tells the formats apart by content: a CloudFormation template
 * ({@code AWSTemplateFormatVersion}, or Resources with {@code Type: X::Y::Z}), Kubernetes objects ({@code apiVersion}
 * and {@code kind}), or anything else, which is skipped silently unless it looks like one of the two and does not
 * parse. Helm charts and kustomizations are reported (INFO) with the command that renders them.
 *
 * <p>Limits: nesting 500, the file cap of {@code ScanOptions.maxFileBytes}, and at most 1,000,000 nodes added by
 * alias expansion. {@link io.spofscan.parsers.yaml.CorpusRates} measures parse rates and positions on a corpus.
 */
package io.spofscan.parsers.yaml;
