package io.spofscan.core.rule;

import java.util.Locale;

/** How bad a SPOF is, highest first. {@code --fail-on} compares against this order. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** SARIF result level: CRITICAL/HIGH are errors, MEDIUM warnings, LOW notes. */
  public String sarifLevel() {
    return switch (this) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  /** The score GitHub uses for security-severity, only emitted on request. */
  public String securitySeverity() {
    return switch (this) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
    };
  }

  public static Severity parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + s + "' (expected critical, high, medium or low)");
    }
  }
}
