package io.spofscan.core.report;

import io.spofscan.core.model.Context;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RelatedLocation;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Human-readable report grouped by file. Colours only when asked (the CLI asks on a TTY). */
public final class TextReport implements ReportWriter {
  private final boolean color;
  private final boolean compact;
  private final boolean quiet;

  public TextReport(boolean color) {
    this(color, false, false);
  }

  /**
   * @param compact leave out each finding's fix text
   * @param quiet findings only: no summary, and of the diagnostics only errors (a file that could not be read)
   */
  public TextReport(boolean color, boolean compact, boolean quiet) {
    this.color = color;
    this.compact = compact;
    this.quiet = quiet;
  }

  @Override
  public String render(ScanReport report) {
    StringBuilder out = new StringBuilder();
    Map<String, List<Object>> byFile = new TreeMap<>();
    for (Finding f : report.findings()) {
      byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
    }
    for (Diagnostic d : report.diagnostics()) {
      if (quiet && d.level() != Diagnostic.Level.ERROR) {
        continue;
      }
      byFile.computeIfAbsent(d.location().path(), k -> new ArrayList<>()).add(d);
    }
    for (Map.Entry<String, List<Object>> file : byFile.entrySet()) {
      out.append(paint(BOLD, safe(file.getKey())));
      // a file of examples or tests says so once, on its header: its findings are not production SPOFs
      file.getValue().stream().filter(i -> i instanceof Finding).map(i -> ((Finding) i).context())
          .filter(c -> c != Context.PRODUCTION).findFirst()
          .ifPresent(c -> out.append("  ").append(paint(DIM, "(" + c.label() + ")")));
      out.append('\n');
      for (Object item : file.getValue()) {
        if (item instanceof Finding f) {
          appendFinding(out, f, report.rule(f.ruleId()));
        } else {
          appendDiagnostic(out, (Diagnostic) item);
        }
      }
      out.append('\n');
    }
    if (!quiet) {
      appendSummary(out, report);
    }
    return out.toString();
  }

  private void appendFinding(StringBuilder out, Finding f, RuleMeta rule) {
    String level = f.certain() ? f.severity().label() : "unknown";
    out.append(String.format("  %-8s %s  %s  %s%n", f.location().line() + ":" + f.location().column(),
        paint(colorOf(f), String.format("%-8s", level)), paint(BOLD, f.ruleId()), safe(f.message())));
    for (String note : f.notes()) {
      out.append("           note: ").append(safe(note)).append('\n');
    }
    if (!f.flow().isEmpty()) {
      out.append("           breaks: ").append(safe(f.flow().summary())).append('\n');
    }
    for (RelatedLocation r : f.related()) {
      out.append("           see:  ").append(safe(r.location().toString())).append(' ').append(safe(r.message()))
          .append('\n');
    }
    if (!compact) {
      out.append("           fix:  ").append(safe(rule.remediation())).append('\n');
    }
  }

  private void appendDiagnostic(StringBuilder out, Diagnostic d) {
    String label = switch (d.level()) {
      case ERROR -> paint(RED, "error   ");
      case WARNING -> paint(YELLOW, "warning ");
      case INFO -> paint(DIM, "info    ");
    };
    out.append(String.format("  %-8s %s %s%n", d.location().line() + ":" + d.location().column(), label,
        safe(d.message())));
  }

  private void appendSummary(StringBuilder out, ScanReport report) {
    List<String> parts = new ArrayList<>();
    report.countsBySeverity().forEach((s, n) -> {
      if (n > 0) {
        parts.add(n + " " + s.label());
      }
    });
    long certain = report.certainCount();
    long unknown = report.uncertainCount();
    out.append(paint(BOLD, plural(report.findings().size(), "SPOF finding")))
        .append(": ").append(certain).append(" certain")
        .append(parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
        .append(", ").append(unknown).append(" unknown (depending on unresolved values)")
        .append("; ").append(plural(report.filesScanned(), "file")).append(", ")
        .append(plural(report.resourcesScanned(), "resource")).append(" scanned");
    if (!report.suppressed().isEmpty()) {
      out.append("; ").append(report.suppressed().size()).append(" suppressed");
    }
    long broken = report.filesWithErrors();
    if (broken > 0) {
      out.append("; ").append(paint(RED, plural(broken, "file") + " could not be parsed"));
    }
    out.append('\n');
    Map<Context, Integer> byContext = report.countsByContext();
    if (byContext.get(Context.EXAMPLE) > 0 || byContext.get(Context.TEST) > 0) {
      out.append("by context: ").append(byContext.get(Context.PRODUCTION)).append(" in production files, ")
          .append(byContext.get(Context.EXAMPLE)).append(" in examples, ").append(byContext.get(Context.TEST))
          .append(" in tests\n");
    }
    report.skippedSentence().ifPresent(s -> out.append(s).append('\n'));
    report.config().ifPresent(c -> out.append("configuration: ").append(safe(c)).append('\n'));
    report.baselineSummary().ifPresent(b -> {
      out.append("baseline ").append(safe(b.file())).append(": ").append(b.baselined())
          .append(b.baselined() == 1 ? " known finding" : " known findings").append(" hidden, ")
          .append(b.gone().size()).append(" no longer found").append('\n');
      b.gone().forEach(e -> out.append("  gone: ").append(safe(e.ruleId())).append("  ").append(safe(e.path()))
          .append("  ").append(safe(e.resource())).append('\n'));
    });
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static final String BOLD = "1";
  private static final String RED = "31";
  private static final String YELLOW = "33";
  private static final String MAGENTA = "35";
  private static final String CYAN = "36";
  private static final String DIM = "2";

  private static String colorOf(Finding f) {
    if (!f.certain()) {
      return CYAN;
    }
    return switch (f.severity()) {
      case CRITICAL -> MAGENTA;
      case HIGH -> RED;
      case MEDIUM -> YELLOW;
      case LOW -> DIM;
    };
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /** Untrusted text (file names, values from scanned files) never reaches the terminal raw. */
  static String safe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 && cp != '\t' || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029) {
        b.append(String.format("\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
