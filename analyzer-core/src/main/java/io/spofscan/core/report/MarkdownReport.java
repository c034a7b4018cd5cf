package io.spofscan.core.report;

import io.spofscan.core.model.Context;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub-flavoured markdown for {@code $GITHUB_STEP_SUMMARY} and pull-request comments: counts by severity, a findings
 * table with file:line links, and each rule's remediation collapsed under a {@code <details>}.
 */
public final class MarkdownReport implements ReportWriter {
  /** GitHub's limit for one step's summary. */
  public static final int MAX_BYTES = 1024 * 1024;

  private final String linkBase;

  /**
   * @param linkBase prefix that turns a repository-relative path into a link, e.g.
   *     {@code https://github.com/o/r/blob/<sha>/}; null links relative to the repository root
   */
  public MarkdownReport(String linkBase) {
    this.linkBase = linkBase;
  }

  @Override
  public String render(ScanReport report) {
    StringBuilder out = new StringBuilder();
    Map<Severity, Integer> counts = report.countsBySeverity();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    out.append("## spofscan: ").append(total == 0 ? "no" : String.valueOf(total))
        .append(" single point").append(total == 1 ? "" : "s").append(" of failure found\n\n");
    out.append("| Severity | Findings |\n|---|---:|\n");
    counts.forEach((s, n) -> out.append("| ").append(s.label()).append(" | ").append(n).append(" |\n"));
    out.append("| unknown (depends on unresolved values) | ").append(report.uncertainCount()).append(" |\n");
    out.append("| suppressed | ").append(report.suppressed().size()).append(" |\n");
    report.baselineSummary().ifPresent(b -> out.append("| in baseline | ").append(b.baselined()).append(" |\n"));
    out.append('\n').append(TextReport.plural(report.filesScanned(), "file")).append(", ")
        .append(TextReport.plural(report.resourcesScanned(), "resource")).append(" scanned")
        .append(report.config().map(c -> "; configuration " + code(c)).orElse("")).append(".\n\n");
    report.skippedSentence().ifPresent(s -> out.append(cell(s)).append(".\n\n"));

    if (!report.findings().isEmpty()) {
      out.append("| Severity | Rule | Resource | Location | Message |\n|---|---|---|---|---|\n");
      // GitHub takes at most 1 MiB of step summary: rows stop where the rest of the report still fits
      List<Finding> rows = report.findings().stream().sorted(Finding.MOST_SEVERE_FIRST).toList();
      int budget = MAX_BYTES - 64 * 1024 - utf8Length(out);
      int shown = 0;
      StringBuilder table = new StringBuilder();
      for (Finding f : rows) {
        String row = "| " + (f.certain() ? f.severity().label() : "unknown") + " | " + cell(f.ruleId()) + " | "
            + code(f.resourceAddress()) + " | " + where(f) + " | " + message(f) + " |\n";
        budget -= utf8Length(row);
        if (budget < 0) {
          break;
        }
        table.append(row);
        shown++;
      }
      if (shown == rows.size()) {
        table.setLength(0); // everything fits: keep the report's own order
        for (Finding f : report.findings()) {
          table.append("| ").append(f.certain() ? f.severity().label() : "unknown")
              .append(" | ").append(cell(f.ruleId()))
              .append(" | ").append(code(f.resourceAddress()))
              .append(" | ").append(where(f))
              .append(" | ").append(message(f)).append(" |\n");
        }
      }
      out.append(table);
      if (shown < rows.size()) {
        out.append("\n**").append(rows.size() - shown).append(" less severe findings are not listed:** a step "
            + "summary holds at most 1 MiB. The SARIF and JSON reports have them all.\n");
      }
      out.append('\n');
      Map<String, RuleMeta> seen = new LinkedHashMap<>();
      report.findings().forEach(f -> seen.putIfAbsent(f.ruleId(), report.rule(f.ruleId())));
      out.append("<details><summary>How to fix</summary>\n\n");
      for (RuleMeta rule : seen.values()) {
        out.append("- **").append(cell(rule.id())).append("** ").append(cell(rule.title())).append(": ")
            .append(cell(rule.remediation())).append('\n');
      }
      out.append("\n</details>\n\n");
    }
    long problems = report.diagnostics().stream().filter(d -> d.level() != Diagnostic.Level.INFO).count();
    if (problems > 0) {
      out.append("<details><summary>").append(problems).append(" file problem").append(problems == 1 ? "" : "s")
          .append("</summary>\n\n| Level | Location | Message |\n|---|---|---|\n");
      for (Diagnostic d : report.diagnostics()) {
        if (d.level() != Diagnostic.Level.INFO) {
          out.append("| ").append(d.level().name().toLowerCase(Locale.ROOT)).append(" | ").append(link(d.location()))
              .append(" | ").append(cell(d.message())).append(" |\n");
        }
      }
      out.append("\n</details>\n\n");
    }
    report.baselineSummary().filter(b -> !b.gone().isEmpty()).ifPresent(b -> {
      out.append("<details><summary>").append(b.gone().size())
          .append(" baselined finding(s) no longer found</summary>\n\n");
      b.gone().forEach(e -> out.append("- ").append(cell(e.ruleId())).append(' ').append(code(e.resource()))
          .append(" in ").append(code(e.path())).append('\n'));
      out.append("\n</details>\n\n");
    });
    return withinLimit(out.toString());
  }

  /** The last resort when even the file problems overflow: cut at a line end, and say so. */
  private static String withinLimit(String markdown) {
    if (utf8Length(markdown) <= MAX_BYTES) {
      return markdown;
    }
    String note = "\n\n**The summary is cut here:** a step summary holds at most 1 MiB; the SARIF and JSON reports "
        + "have everything.\n";
    int budget = MAX_BYTES - utf8Length(note);
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (String line : markdown.split("\n", -1)) {
      int size = utf8Length(line) + 1;
      if (used + size > budget) {
        break;
      }
      kept.append(line).append('\n');
      used += size;
    }
    return kept.append(note).toString();
  }

  private static int utf8Length(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  /** The rule's message, then the flow it breaks with the chain from the entry point, when one reaches it. */
  private static String message(Finding f) {
    return cell(f.message()) + (f.flow().isEmpty() ? "" : " — " + cell(f.flow().sentence()));
  }

  /** The finding's file:line link, labelled when the file is an example or a test. */
  private String where(Finding f) {
    return link(f.location()) + (f.context() == Context.PRODUCTION ? "" : " (" + f.context().label() + ")");
  }

  private String link(SourceRange at) {
    String target = (linkBase == null ? "" : linkBase) + SarifReport.uri(at.path()) + "#L" + at.line();
    return "[" + cell(at.path() + ":" + at.line()) + "](" + target + ")";
  }

  private static String code(String s) {
    return "`" + s.replace("`", "'").replace("|", "\\|").replace("\n", " ").replace("\r", " ") + "`";
  }

  /** Table-safe text: no pipes, no line breaks, no HTML, no markdown emphasis from untrusted values. */
  static String cell(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '|' -> b.append("\\|");
        case '\n', '\r' -> b.append(' ');
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '*', '_', '`', '[', ']', '\\' -> b.append('\\').append(c);
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
