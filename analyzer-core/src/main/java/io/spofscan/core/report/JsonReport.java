package io.spofscan.core.report;

import io.spofscan.core.json.Json;
import io.spofscan.core.baseline.Baseline;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.suppress.Suppressed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Machine-readable report: every finding with location, rule metadata, remediation and fingerprint. */
public final class JsonReport implements ReportWriter {

  @Override
  public String render(ScanReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", Map.of("name", ScanReport.TOOL_NAME, "version", report.toolVersion()));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("files", report.filesScanned());
    summary.put("resources", report.resourcesScanned());
    // the text summary's counts: all findings = certain (by severity) + unknown
    summary.put("findings", report.findings().size());
    summary.put("certain", report.certainCount());
    Map<String, Object> bySeverity = new LinkedHashMap<>();
    report.countsBySeverity().forEach((s, n) -> bySeverity.put(s.label(), n));
    summary.put("bySeverity", bySeverity);
    summary.put("unknown", report.uncertainCount());
    summary.put("filesWithErrors", report.filesWithErrors());
    summary.put("suppressed", report.suppressed().size());
    report.config().ifPresent(c -> summary.put("config", c));
    Map<String, Object> byContext = new LinkedHashMap<>();
    report.countsByContext().forEach((c, n) -> byContext.put(c.label(), n));
    summary.put("byContext", byContext);
    Map<String, Object> skipped = new LinkedHashMap<>();
    report.skippedByContext().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> skipped.put(e.getKey().label(), e.getValue()));
    summary.put("skippedFiles", skipped);
    summary.put("patchDocuments", report.patchDocuments());
    root.put("summary", summary);
    List<Object> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      findings.add(finding(f, report.rule(f.ruleId())));
    }
    root.put("findings", findings);
    List<Object> suppressed = new ArrayList<>();
    for (Suppressed s : report.suppressed()) {
      Map<String, Object> m = finding(s.finding(), report.rule(s.finding().ruleId()));
      Map<String, Object> how = new LinkedHashMap<>();
      how.put("justification", s.justification());
      how.put("location", location(s.where()));
      m.put("suppression", how);
      suppressed.add(m);
    }
    root.put("suppressed", suppressed);
    report.baselineSummary().ifPresent(b -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", b.file());
      m.put("baselined", b.baselined());
      List<Object> gone = new ArrayList<>();
      for (Baseline.Entry e : b.gone()) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("ruleId", e.ruleId());
        g.put("path", e.path());
        g.put("resource", e.resource());
        g.put("fingerprint", e.fingerprint());
        gone.add(g);
      }
      m.put("gone", gone);
      root.put("baseline", m);
    });
    List<Object> diagnostics = new ArrayList<>();
    for (Diagnostic d : report.diagnostics()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("level", d.level().name().toLowerCase(Locale.ROOT));
      m.put("location", location(d.location()));
      m.put("message", d.message());
      diagnostics.add(m);
    }
    root.put("diagnostics", diagnostics);
    return Json.write(root);
  }

  private static Map<String, Object> finding(Finding f, RuleMeta rule) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", f.ruleId());
    m.put("title", rule.title());
    m.put("severity", f.severity().label());
    m.put("certain", f.certain());
    m.put("format", f.format().displayName());
    m.put("resourceType", f.resourceType());
    m.put("resource", f.resourceAddress());
    m.put("context", f.context().label());
    m.put("location", location(f.location()));
    m.put("message", f.message());
    m.put("rationale", rule.rationale());
    m.put("remediation", rule.remediation());
    m.put("notes", f.notes());
    if (!f.related().isEmpty()) {
      m.put("relatedLocations", f.related().stream().map(r -> {
        Map<String, Object> at = location(r.location());
        at.put("message", r.message());
        return at;
      }).toList());
    }
    if (!f.flow().isEmpty()) {
      Map<String, Object> flow = new LinkedHashMap<>();
      flow.put("flows", f.flow().flows());
      flow.put("known", f.flow().known());
      flow.put("chain", f.flow().hops().stream().map(h -> {
        Map<String, Object> hop = new LinkedHashMap<>();
        hop.put("resource", h.label());
        if (!h.edge().isEmpty()) {
          hop.put("edge", h.edge());
          hop.put("certain", h.certain());
        }
        hop.put("location", location(h.location()));
        return hop;
      }).toList());
      m.put("flow", flow);
    }
    m.put("fingerprint", f.fingerprint());
    return m;
  }

  static Map<String, Object> location(SourceRange r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", r.path());
    m.put("line", r.line());
    m.put("column", r.column());
    return m;
  }
}
