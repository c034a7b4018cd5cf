package io.spofscan.core.model;

import java.util.Locale;

/**
 * What a file is for, judged from where it sits: a finding in a test fixture or a tutorial is not a SPOF anyone
 * deploys, so reports say which context every finding comes from and scans skip test files unless asked.
 */
public enum Context {
  /** Infrastructure someone deploys: everything not recognised as an example or a test. */
  PRODUCTION,
  /** Samples, tutorials, labs, quick starts and documentation: deployable, but as a demonstration. */
  EXAMPLE,
  /** Test fixtures, golden files and end-to-end test data: input to a test, not infrastructure. */
  TEST;

  /** How reports and flags spell it: {@code production}, {@code example}, {@code test}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code production}, {@code example(s)} or {@code test(s)}, any case. */
  public static Context parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "production", "prod" -> PRODUCTION;
      case "example", "examples" -> EXAMPLE;
      case "test", "tests" -> TEST;
      default -> throw new IllegalArgumentException("unknown context '" + text
          + "' (expected production, example or test)");
    };
  }
}
