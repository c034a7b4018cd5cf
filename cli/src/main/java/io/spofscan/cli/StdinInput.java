package io.spofscan.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * Standard input as a scan input ({@code -}): how findings name it, and the format it is read as.
 *
 * @param displayPath {@code --stdin-filename}, else {@code <stdin>}
 * @param format {@code --stdin-format}, else from the name's suffix; empty: YAML/JSON told apart by content
 */
record StdinInput(String displayPath, Optional<Format> format) {
  static final String ARGUMENT = "-";
  static final String DEFAULT_NAME = "<stdin>";

  /** What standard input is read as. */
  enum Format { TERRAFORM, CLOUDFORMATION, KUBERNETES }

  static StdinInput of(String filename, Format format) {
    String name = filename == null || filename.isBlank() ? DEFAULT_NAME : filename.replace('\\', '/');
    return new StdinInput(name, Optional.ofNullable(format).or(() -> fromSuffix(name)));
  }

  private static Optional<Format> fromSuffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tf") || lower.endsWith(".tf.json") ? Optional.of(Format.TERRAFORM) : Optional.empty();
  }
}
