package io.spofscan.core.report;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…::message}), which GitHub shows as annotations on
 * the pull request diff. Escaped exactly as {@code @actions/core} escapes them.
 */
public final class GithubReport implements ReportWriter {

  @Override
  public String render(ScanReport report) {
    StringBuilder out = new StringBuilder();
    for (Finding f : report.findings()) {
      String command = !f.certain() ? "notice" : switch (f.severity()) {
        case CRITICAL, HIGH -> "error";
        case MEDIUM -> "warning";
        case LOW -> "notice";
      };
      String title = f.ruleId() + " " + report.rule(f.ruleId()).title() + (f.certain() ? "" : " (unknown)");
      String message = f.message() + " Fix: " + report.rule(f.ruleId()).remediation();
      append(out, command, f.location(), title, message);
    }
    for (Diagnostic d : report.diagnostics()) {
      String command = switch (d.level()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "notice";
      };
      append(out, command, d.location(), "spofscan could not fully read this file", d.message());
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String command, SourceRange at, String title, String message) {
    out.append("::").append(command)
        .append(" file=").append(property(at.path()))
        .append(",line=").append(at.line())
        .append(",col=").append(at.column());
    if (at.hasEnd()) {
      out.append(",endLine=").append(at.endLine()).append(",endColumn=").append(at.endColumn());
    }
    out.append(",title=").append(property(title))
        .append("::").append(data(message)).append('\n');
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
