package io.spofscan.cli;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gate, decided once from the flags and the configuration: which certain findings fail the scan.
 *
 * @param threshold certain findings at or above this severity exit 1; empty for {@code none}
 * @param softFail findings never fail the scan (errors still do)
 * @param strict a file that cannot be parsed exits 2
 */
record FailOn(Optional<Severity> threshold, boolean softFail, boolean strict) {
  static final List<String> NAMES = List.of("critical", "high", "medium", "low", "none");
  static final String DEFAULT = "high";

  /** The threshold named {@code critical}, {@code high}, {@code medium}, {@code low} or {@code none}. */
  static Optional<Severity> threshold(String name) {
    String s = name.trim().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(s)) {
      throw new IllegalArgumentException("'" + name + "' (expected critical, high, medium, low or none)");
    }
    return s.equals("none") ? Optional.empty() : Optional.of(Severity.parse(s));
  }

  /** 0, 1 or 2 for this report; says why on {@code err} when a file problem decides it. */
  int exitCode(ScanReport report, PrintWriter err) {
    if (strict) {
      long broken = report.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
      if (broken > 0) {
        err.println("spofscan: " + broken + " file problem" + (broken == 1 ? "" : "s") + " and --strict: exit 2");
        err.flush();
        return Main.ERROR;
      }
    }
    if (softFail || threshold.isEmpty()) {
      return Main.OK;
    }
    Severity min = threshold.get();
    boolean failing = report.findings().stream().anyMatch(f -> f.certain() && f.severity().atLeast(min));
    return failing ? Main.FINDINGS : Main.OK;
  }
}
