/**
 * The located YAML/JSON reader: a leaf every format package uses, knowing no format.
 *
 * <p>{@link io.spofscan.parsers.yaml.TextDecoder} decodes bytes (UTF-8, BOMs, UTF-16 with a warning, binary and
 * invalid UTF-8 reported with their line); {@link io.spofscan.parsers.yaml.LocatedDocuments} turns text into located
 * trees ({@link io.spofscan.parsers.yaml.YamlTreeBuilder} on SnakeYAML's event stream, which keeps short-form tags,
 * anchors and positions; {@link io.spofscan.parsers.yaml.JsonTreeBuilder} on Jackson's streaming parser read from a
 * Reader, so columns count UTF-16 units), resuming after a broken document of a stream.
 *
 * <p>Limits ({@link io.spofscan.parsers.yaml.ParseLimits}): nesting 500, the file cap of
 * {@code ScanOptions.maxFileBytes}, and at most 1,000,000 nodes added by alias expansion.
 */
package io.spofscan.parsers.yaml;
