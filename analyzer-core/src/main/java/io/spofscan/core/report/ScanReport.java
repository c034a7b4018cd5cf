package io.spofscan.core.report;

import io.spofscan.core.baseline.Baseline;
import io.spofscan.core.graph.Flow;
import io.spofscan.core.model.Context;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import io.spofscan.core.suppress.Suppressed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report prints: the rules that ran, the findings, the diagnostics and scan counts, plus the findings
 * users suppressed in source and, when a baseline was used, what it hid.
 *
 * @param configFile the configuration file the scan obeyed, or null
 * @param skippedByContext files left out because of their context (test files by default), by context
 * @param patchDocuments documents read as patches (kustomize patch files, {@code $patch} partial objects), not
 *     checked as objects
 * @param flows the flows of the scan, from their entry points, for the reports that draw them
 */
public record ScanReport(
    String toolVersion,
    List<RuleMeta> rules,
    List<Finding> findings,
    List<Diagnostic> diagnostics,
    int filesScanned,
    int resourcesScanned,
    List<Suppressed> suppressed,
    BaselineSummary baseline,
    String configFile,
    Map<Context, Integer> skippedByContext,
    int patchDocuments,
    List<Flow> flows) {

  public static final String TOOL_NAME = "spofscan";
  public static final String INFORMATION_URI = "https://github.com/spofscan/spofscan";

  public ScanReport {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
    suppressed = List.copyOf(suppressed);
    skippedByContext = skippedByContext == null ? Map.of() : Map.copyOf(skippedByContext);
    flows = flows == null ? List.of() : List.copyOf(flows);
  }

  /** A report without flows. */
  public ScanReport(String toolVersion, List<RuleMeta> rules, List<Finding> findings, List<Diagnostic> diagnostics,
      int filesScanned, int resourcesScanned, List<Suppressed> suppressed, BaselineSummary baseline,
      String configFile, Map<Context, Integer> skippedByContext, int patchDocuments) {
    this(toolVersion, rules, findings, diagnostics, filesScanned, resourcesScanned, suppressed, baseline, configFile,
        skippedByContext, patchDocuments, List.of());
  }

  /** A report of a scan that skipped no file for its context. */
  public ScanReport(String toolVersion, List<RuleMeta> rules, List<Finding> findings, List<Diagnostic> diagnostics,
      int filesScanned, int resourcesScanned, List<Suppressed> suppressed, BaselineSummary baseline,
      String configFile) {
    this(toolVersion, rules, findings, diagnostics, filesScanned, resourcesScanned, suppressed, baseline, configFile,
        Map.of(), 0);
  }

  /** A report that names no configuration file. */
  public ScanReport(String toolVersion, List<RuleMeta> rules, List<Finding> findings, List<Diagnostic> diagnostics,
      int filesScanned, int resourcesScanned, List<Suppressed> suppressed, BaselineSummary baseline) {
    this(toolVersion, rules, findings, diagnostics, filesScanned, resourcesScanned, suppressed, baseline, null);
  }

  /** A report without suppressed findings and without a baseline. */
  public ScanReport(String toolVersion, List<RuleMeta> rules, List<Finding> findings, List<Diagnostic> diagnostics,
      int filesScanned, int resourcesScanned) {
    this(toolVersion, rules, findings, diagnostics, filesScanned, resourcesScanned, List.of(), null);
  }

  /**
   * What a {@code --baseline} file hid.
   *
   * @param file the baseline file as given
   * @param baselined how many findings it accepted in this scan
   * @param gone accepted findings that no longer occur (fixed, or their resource was renamed)
   */
  public record BaselineSummary(String file, int baselined, List<Baseline.Entry> gone) {
    public BaselineSummary {
      gone = List.copyOf(gone);
    }
  }

  /** The configuration file the scan obeyed, as the summary names it, if any. */
  public Optional<String> config() {
    return Optional.ofNullable(configFile);
  }

  /** Certain findings of every severity. */
  public long certainCount() {
    return findings.stream().filter(Finding::certain).count();
  }

  public Optional<BaselineSummary> baselineSummary() {
    return Optional.ofNullable(baseline);
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

  /** Files skipped for being of context {@code c}. */
  public int skipped(Context c) {
    return skippedByContext.getOrDefault(c, 0);
  }

  /** Findings (certain and unknown) by the context of their file, every context included. */
  public Map<Context, Integer> countsByContext() {
    Map<Context, Integer> counts = new EnumMap<>(Context.class);
    for (Context c : Context.values()) {
      counts.put(c, 0);
    }
    findings.forEach(f -> counts.merge(f.context(), 1, Integer::sum));
    return counts;
  }

  /**
   * The summary's sentence about what was read but not checked, e.g. "skipped 12 test files; --include-tests scans
   * them; 3 kustomize patch documents not checked as objects", or empty when nothing was left out.
   */
  public Optional<String> skippedSentence() {
    List<String> parts = new java.util.ArrayList<>();
    for (Context c : Context.values()) {
      int n = skipped(c);
      if (n > 0) {
        parts.add("skipped " + n + " " + c.label() + " file" + (n == 1 ? "" : "s")
            + (c == Context.TEST ? "; --include-tests scans them" : " (--skip-context " + c.label() + ")"));
      }
    }
    if (patchDocuments > 0) {
      parts.add(patchDocuments + " kustomize patch document" + (patchDocuments == 1 ? "" : "s")
          + " not checked as objects");
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  public RuleMeta rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("finding of unregistered rule " + id));
  }
}
