package io.spofscan.core.report;

import io.spofscan.core.json.Json;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.FlowChain;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.suppress.Suppressed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 as GitHub code scanning keeps it: exactly one run, full rule metadata, repository-relative URIs under
 * {@code %SRCROOT%}, 1-based regions, our own fingerprint key (never {@code primaryLocationLineHash}, which the
 * upload action computes), parse diagnostics as tool execution notifications.
 */
public final class SarifReport implements ReportWriter {
  public static final String FINGERPRINT_KEY = "spofscan/v1";
  /** Results GitHub code scanning accepts in one run; beyond it the upload is rejected. */
  public static final int MAX_RESULTS = 25_000;
  private static final String SRCROOT = "%SRCROOT%";

  private final boolean securitySeverity;
  private final String category;
  private final String srcRootUri;
  private final boolean includeSuppressed;

  /**
   * @param securitySeverity add {@code security-severity} to rules (makes GitHub treat them as security alerts)
   * @param category {@code automationDetails.id} prefix, or null
   * @param srcRootUri absolute {@code file:} URI of the repository root ending in '/', or null to leave it out
   */
  public SarifReport(boolean securitySeverity, String category, String srcRootUri) {
    this(securitySeverity, category, srcRootUri, false);
  }

  /**
   * @param includeSuppressed also emit suppressed findings, each with an {@code inSource} suppression and its
   *     justification (left out by default: GitHub shows SARIF-suppressed results as alerts all the same)
   */
  public SarifReport(boolean securitySeverity, String category, String srcRootUri, boolean includeSuppressed) {
    this.securitySeverity = securitySeverity;
    this.category = category;
    this.srcRootUri = srcRootUri;
    this.includeSuppressed = includeSuppressed;
  }

  @Override
  public String render(ScanReport report) {
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<Object> rules = new ArrayList<>();
    for (RuleMeta meta : report.rules()) {
      ruleIndex.put(meta.id(), rules.size());
      rules.add(rule(meta));
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", ScanReport.TOOL_NAME);
    driver.put("version", report.toolVersion());
    driver.put("semanticVersion", report.toolVersion().replace("-SNAPSHOT", ""));
    driver.put("informationUri", ScanReport.INFORMATION_URI);
    driver.put("rules", rules);

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    if (category != null && !category.isBlank()) {
      String id = category.endsWith("/") ? category : category + "/";
      run.put("automationDetails", Map.of("id", id));
    }
    if (srcRootUri != null) {
      run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("uri", srcRootUri)));
    }
    List<Finding> kept = report.findings();
    int room = includeSuppressed ? Math.max(0, MAX_RESULTS - report.suppressed().size()) : MAX_RESULTS;
    List<Object> notifications = new ArrayList<>();
    if (kept.size() > room) {
      Set<Finding> mostSevere = new HashSet<>(kept.stream().sorted(Finding.MOST_SEVERE_FIRST).limit(room).toList());
      kept = kept.stream().filter(mostSevere::contains).toList();
      int left = report.findings().size() - kept.size();
      notifications.add(Map.of("level", "warning", "message", Map.of("text", left + " less severe finding"
          + (left == 1 ? " was" : "s were") + " left out: GitHub code scanning accepts at most " + MAX_RESULTS
          + " results per run (the JSON report has them all)")));
    }
    for (Diagnostic d : report.diagnostics()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("level", switch (d.level()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "note";
      });
      n.put("message", Map.of("text", d.message()));
      n.put("locations", List.of(Map.of("physicalLocation", physical(d.location()))));
      notifications.add(n);
    }
    Map<String, Object> invocation = new LinkedHashMap<>();
    invocation.put("executionSuccessful", true);
    invocation.put("toolExecutionNotifications", notifications);
    run.put("invocations", List.of(invocation));
    List<Object> results = new ArrayList<>();
    for (Finding f : kept) {
      results.add(result(f, ruleIndex.get(f.ruleId())));
    }
    if (includeSuppressed) {
      for (Suppressed sup : report.suppressed().subList(0, Math.min(MAX_RESULTS, report.suppressed().size()))) {
        Map<String, Object> r = result(sup.finding(), ruleIndex.get(sup.finding().ruleId()));
        Map<String, Object> suppression = new LinkedHashMap<>();
        suppression.put("kind", "inSource");
        suppression.put("justification", sup.justification());
        r.put("suppressions", List.of(suppression));
        results.add(r);
      }
    }
    run.put("results", results);

    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return Json.write(log);
  }

  private Map<String, Object> rule(RuleMeta meta) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", meta.id());
    if (!meta.aliases().isEmpty()) {
      r.put("deprecatedIds", meta.aliases()); // SARIF's own field for ids merged into this rule
    }
    r.put("name", pascalCase(meta.title()));
    r.put("shortDescription", Map.of("text", meta.title()));
    r.put("fullDescription", Map.of("text", truncate(meta.rationale(), 1000)));
    Map<String, Object> help = new LinkedHashMap<>();
    // helpUri is the rule's own section of the reference; the vendor pages it cites follow the help
    String references = meta.references().isEmpty() ? ""
        : "\n\nReferences:\n- " + String.join("\n- ", meta.references());
    help.put("text", meta.helpText() + references);
    help.put("markdown", meta.helpMarkdown() + references);
    r.put("help", help);
    r.put("helpUri", helpUri(meta.id()));
    r.put("defaultConfiguration", Map.of("level", meta.severity().sarifLevel()));
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> tags = new ArrayList<>(List.of("reliability", "availability"));
    meta.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
    if (securitySeverity) {
      tags.add("security");
      props.put("security-severity", meta.severity().securitySeverity());
    }
    props.put("tags", tags.subList(0, Math.min(20, tags.size())));
    props.put("precision", "high");
    props.put("problem.severity", switch (meta.severity()) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "recommendation";
    });
    r.put("properties", props);
    return r;
  }

  private static Map<String, Object> result(Finding f, Integer index) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ruleId", f.ruleId());
    r.put("ruleIndex", index);
    r.put("level", f.level());
    StringBuilder text = new StringBuilder(f.flow().appendedTo(f.message()));
    for (String note : f.notes()) {
      text.append(" Note: ").append(note).append('.');
    }
    r.put("message", Map.of("text", text.toString()));
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("physicalLocation", physical(f.location()));
    location.put("logicalLocations", List.of(Map.of(
        "fullyQualifiedName", f.resourceAddress(), "kind", "resource")));
    r.put("locations", List.of(location));
    if (!f.related().isEmpty()) {
      r.put("relatedLocations", relatedLocations(f));
    }
    if (!f.flow().isEmpty()) {
      r.put("codeFlows", List.of(codeFlow(f.flow())));
    }
    r.put("partialFingerprints", Map.of(FINGERPRINT_KEY, f.fingerprint()));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("severity", f.severity().label());
    props.put("certain", f.certain());
    props.put("resourceType", f.resourceType());
    props.put("spofscanContext", f.context().label());
    r.put("properties", props);
    return r;
  }

  /** The chain as one thread flow: each hop's resource header, from the entry point to the SPOF. */
  private static Map<String, Object> codeFlow(FlowChain chain) {
    List<Object> locations = new ArrayList<>();
    for (int i = 0; i < chain.hops().size(); i++) {
      FlowChain.Hop h = chain.hops().get(i);
      String text = i == 0 ? "entry point of flow " + chain.flows().get(0) + ": " + h.label()
          : (h.certain() ? "" : "maybe ") + h.edge() + " " + h.label()
              + (i == chain.hops().size() - 1 ? " (the single point of failure)" : "");
      Map<String, Object> location = new LinkedHashMap<>();
      location.put("physicalLocation", physical(h.location()));
      location.put("message", Map.of("text", text));
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("location", location);
      step.put("executionOrder", i + 1);
      locations.add(step);
    }
    Map<String, Object> flow = new LinkedHashMap<>();
    flow.put("message", Map.of("text", "Flow " + chain.flows().get(0) + ": " + chain.arrows()));
    flow.put("threadFlows", List.of(Map.of("locations", locations)));
    return flow;
  }

  /** The module line a caller's argument reaches, or the module calls that instantiate the resource. */
  private static List<Map<String, Object>> relatedLocations(Finding f) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < f.related().size(); i++) {
      Map<String, Object> related = new LinkedHashMap<>();
      related.put("id", i + 1);
      related.put("physicalLocation", physical(f.related().get(i).location()));
      related.put("message", Map.of("text", f.related().get(i).message()));
      out.add(related);
    }
    return out;
  }

  private static Map<String, Object> physical(SourceRange at) {
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("uri", uri(at.path()));
    artifact.put("uriBaseId", SRCROOT);
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", at.line());
    region.put("startColumn", at.column());
    if (at.hasEnd()) {
      region.put("endLine", at.endLine());
      region.put("endColumn", at.endColumn());
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("artifactLocation", artifact);
    p.put("region", region);
    return p;
  }

  /** A relative URI reference: unreserved characters and '/' kept, everything else percent-encoded as UTF-8. */
  static String uri(String path) {
    StringBuilder b = new StringBuilder();
    for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  /** The rule's own section of the generated rule reference. */
  static String helpUri(String ruleId) {
    return ScanReport.INFORMATION_URI + "/blob/main/docs/rules.md#" + ruleId.toLowerCase(java.util.Locale.ROOT);
  }

  static String pascalCase(String title) {
    StringBuilder b = new StringBuilder();
    for (String word : title.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        b.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return b.toString();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
