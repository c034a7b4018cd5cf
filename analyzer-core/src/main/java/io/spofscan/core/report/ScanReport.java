package io.spofscan.core.report;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything a report prints: the rules that ran, the findings, the diagnostics and scan counts. */
public record ScanReport(
    String toolVersion,
    List<RuleMeta> rules,
    List<Finding> findings,
    List<Diagnostic> diagnostics,
    int filesScanned,
    int resourcesScanned) {

  public static final String TOOL_NAME = "spofscan";
  public static final String INFORMATION_URI = "https://github.com/spofscan/spofscan";

  public ScanReport {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Certain findings by severity, highest first, zeros included. */
  public Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    findings.stream().filter(Finding::certain).forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  public long uncertainCount() {
    return findings.stream().filter(f -> !f.certain()).count();
  }

  public long filesWithErrors() {
    return diagnostics.stream().filter(d -> d.level() == Diagnostic.Level.ERROR)
        .map(d -> d.location().path()).distinct().count();
  }

  public RuleMeta rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("finding of unregistered rule " + id));
  }
}
