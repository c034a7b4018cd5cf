package io.spofscan.core.report;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…::message}), which GitHub shows as annotations on
 * the pull request diff. Escaped exactly as {@code @actions/core} escapes them. GitHub shows at most
 * {@value #PER_KIND} annotations of each kind (error, warning, notice) per step and drops the rest silently, so the
 * most severe findings are annotated and, when some are left out, the last annotation of that kind says how many;
 * they follow as plain log lines.
 */
public final class GithubReport implements ReportWriter {
  /** Annotations of one kind GitHub shows per step. */
  public static final int PER_KIND = 10;

  private enum Kind { error, warning, notice }

  private record Annotation(Kind kind, SourceRange at, String title, String message) {}

  private final boolean compact;

  public GithubReport() {
    this(false);
  }

  /** @param compact leave the fix text out of each annotation */
  public GithubReport(boolean compact) {
    this.compact = compact;
  }

  @Override
  public String render(ScanReport report) {
    Map<Kind, List<Annotation>> byKind = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      byKind.put(k, new ArrayList<>());
    }
    for (Finding f : report.findings().stream().sorted(Finding.MOST_SEVERE_FIRST).toList()) {
      Kind kind = !f.certain() ? Kind.notice : switch (f.severity()) {
        case CRITICAL, HIGH -> Kind.error;
        case MEDIUM -> Kind.warning;
        case LOW -> Kind.notice;
      };
      String title = f.ruleId() + " " + report.rule(f.ruleId()).title() + (f.certain() ? "" : " (unknown)")
          + (f.context() == io.spofscan.core.model.Context.PRODUCTION ? "" : " (" + f.context().label() + ")");
      String message = f.flow().appendedTo(f.message())
          + (compact ? "" : " Fix: " + report.rule(f.ruleId()).remediation());
      byKind.get(kind).add(new Annotation(kind, f.location(), title, message));
    }
    for (Diagnostic d : report.diagnostics()) {
      Kind kind = switch (d.level()) {
        case ERROR -> Kind.error;
        case WARNING -> Kind.warning;
        case INFO -> Kind.notice;
      };
      byKind.get(kind).add(new Annotation(kind, d.location(), "spofscan could not fully read this file",
          d.message()));
    }
    StringBuilder out = new StringBuilder();
    for (List<Annotation> annotations : byKind.values()) {
      int shown = annotations.size() <= PER_KIND ? annotations.size() : PER_KIND - 1;
      annotations.subList(0, shown).forEach(a -> append(out, a));
      if (shown < annotations.size()) {
        Kind kind = annotations.get(0).kind();
        int rest = annotations.size() - shown;
        out.append("::").append(kind).append(" title=").append(property("spofscan: " + rest + " more"))
            .append("::").append(data(rest + " more " + kind + (rest == 1 ? "" : "s") + " not annotated (GitHub "
                + "shows " + PER_KIND + " per kind and step, the most severe are above): see the step summary, "
                + "the SARIF log or the lines below in the job log")).append('\n');
        // plain log lines, not workflow commands: the job log keeps everything
        for (Annotation a : annotations.subList(shown, annotations.size())) {
          out.append(TextReport.safe(a.at().path() + ":" + a.at().line() + ":" + a.at().column() + ": " + a.kind()
              + ": " + a.title() + ": " + a.message()).replace("::", ": :")).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, Annotation a) {
    SourceRange at = a.at();
    out.append("::").append(a.kind())
        .append(" file=").append(property(at.path()))
        .append(",line=").append(at.line())
        .append(",col=").append(at.column());
    if (at.hasEnd()) {
      out.append(",endLine=").append(at.endLine()).append(",endColumn=").append(at.endColumn());
    }
    out.append(",title=").append(property(a.title()))
        .append("::").append(data(a.message())).append('\n');
  }

  /** {@code escapeData} of the actions toolkit. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** {@code escapeProperty} of the actions toolkit. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
