package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration discovery and ignores, and the flags users of other scanners expect, through the real CLI. */
class ConfigAndFlagsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DB = "resource \"aws_db_instance\" \"orders\" {\n  multi_az = false\n}\n";
  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 1
        template: {spec: {containers: [{name: web, image: web:1}]}}
      """;
  private static final String JOB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: worker, namespace: jobs}
      spec:
        replicas: 1
        template: {spec: {containers: [{name: w, image: w:1}]}}
      """;

  @TempDir
  Path repo;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("infra"));
    Files.createDirectories(repo.resolve("k8s"));
    Files.writeString(repo.resolve("infra/db.tf"), DB);
    Files.writeString(repo.resolve("k8s/web.yaml"), WEB);
    Files.writeString(repo.resolve("k8s/worker.yaml"), JOB);
  }

  private static JsonNode json(CliProcess.Result r) throws IOException {
    return JSON.readTree(r.out());
  }

  private static TreeSet<String> rules(JsonNode report, String array) {
    TreeSet<String> ids = new TreeSet<>();
    report.get(array).forEach(f -> ids.add(f.get("ruleId").asText() + " " + f.get("resource").asText()));
    return ids;
  }

  private static boolean has(JsonNode report, String ruleId) {
    return rules(report, "findings").stream().anyMatch(s -> s.startsWith(ruleId + " "));
  }

  @Test
  void severalPathsFromTheRootObeyTheRootConfigAndTheSummaryNamesIt() throws IOException {
    Files.writeString(repo.resolve(".spofscan.yml"), "rules:\n  SPOF-RDS-001: off\n");
    CliProcess.Result r = CliProcess.run(repo, "scan", "infra", "k8s", "-f", "json", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    JsonNode report = json(r);
    assertFalse(has(report, "SPOF-RDS-001"), "the root config turned RDS-001 off: " + r);
    assertTrue(has(report, "SPOF-K8S-001"), r.toString());
    assertEquals(".spofscan.yml", report.get("summary").get("config").asText());

    CliProcess.Result text = CliProcess.run(repo.resolve("infra"), "scan", ".", "--fail-on", "none");
    assertTrue(text.out().contains("configuration: .spofscan.yml\n"), "found from a subfolder: " + text);
    assertFalse(text.out().contains("SPOF-RDS-001"), text.toString());
  }

  @Test
  void theNearestConfigWinsDifferentOnesForSeveralPathsAreAnErrorAndConfigOverrides() throws IOException {
    Files.writeString(repo.resolve(".spofscan.yml"), "fail-on: none\n");
    Files.writeString(repo.resolve("infra/.spofscan.yml"), "rules:\n  SPOF-RDS-001: low\n");
    CliProcess.Result infra = CliProcess.run(repo, "scan", "infra", "-f", "json");
    assertEquals(0, infra.exit(), "RDS-001 is low in infra's config: " + infra);
    assertEquals("infra/.spofscan.yml", json(infra).get("summary").get("config").asText());

    CliProcess.Result both = CliProcess.run(repo, "scan", "infra", "k8s");
    assertEquals(2, both.exit(), both.toString());
    assertTrue(both.err().contains("infra -> infra/.spofscan.yml") && both.err().contains("k8s -> .spofscan.yml")
        && both.err().contains("--config"), both.toString());

    CliProcess.Result chosen = CliProcess.run(repo, "scan", "infra", "k8s", "--config", ".spofscan.yml", "-f",
        "json");
    assertEquals(0, chosen.exit(), chosen.toString());
    assertTrue(has(json(chosen), "SPOF-RDS-001"), chosen.toString());

    CliProcess.Result whole = CliProcess.run(repo, "scan", ".", "-f", "json");
    JsonNode report = json(whole);
    assertTrue(report.get("diagnostics").toString().contains("configuration file not used by this scan"),
        "a nested config that does not apply is said: " + whole);
  }

  @Test
  void ignoresNeedAReasonMatchResourceGlobsAndPathsAndExpire() throws IOException {
    Files.writeString(repo.resolve(".spofscan.yml"), """
        ignore:
          - rule: SPOF-K8S-001
            resource: Deployment/jobs/*
            reason: queue workers, the queue retries
          - rules: [SPOF-RDS-001]
            path: infra
            reason: scratch database
            until: 2000-01-01
          - rule: SPOF-K8S-002
            path: nothing/here
            reason: left over
        """);
    CliProcess.Result r = CliProcess.run(repo, "scan", ".", "-f", "json", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    JsonNode report = json(r);
    TreeSet<String> reported = rules(report, "findings");
    assertTrue(reported.contains("SPOF-K8S-001 Deployment/shop/web"), reported.toString());
    assertFalse(reported.contains("SPOF-K8S-001 Deployment/jobs/worker"), reported.toString());
    assertTrue(rules(report, "suppressed").contains("SPOF-K8S-001 Deployment/jobs/worker"), r.toString());
    JsonNode why = report.get("suppressed").get(0).get("suppression");
    assertEquals("queue workers, the queue retries", why.get("justification").asText());
    assertEquals(".spofscan.yml", why.get("location").get("path").asText());
    assertEquals(2, why.get("location").get("line").asInt());
    assertTrue(reported.contains("SPOF-RDS-001 aws_db_instance.orders"), "expired: reported again " + reported);
    String diagnostics = report.get("diagnostics").toString();
    assertTrue(diagnostics.contains("expired on 2000-01-01"), diagnostics);
    assertTrue(diagnostics.contains("ignore of SPOF-K8S-002 matches no finding"), diagnostics);

    Files.writeString(repo.resolve(".spofscan.yml"), "ignore:\n  - rule: SPOF-K8S-001\n    resource: x\n");
    CliProcess.Result noReason = CliProcess.run(repo, "scan", ".");
    assertEquals(2, noReason.exit(), noReason.toString());
    assertTrue(noReason.err().contains(".spofscan.yml:2:5: an ignore entry needs 'reason:'"), noReason.toString());
    Files.writeString(repo.resolve(".spofscan.yml"), "ignore:\n  - rule: SPOF-K8S-001\n    reason: x\n");
    CliProcess.Result everywhere = CliProcess.run(repo, "scan", ".");
    assertEquals(2, everywhere.exit(), everywhere.toString());
    assertTrue(everywhere.err().contains("needs 'resource:' or 'path:'"), everywhere.toString());
  }

  @Test
  void noInlineSuppressionsShowsWhatCommentsHide() throws IOException {
    Files.writeString(repo.resolve("infra/db.tf"), "# spofscan:ignore SPOF-RDS-001 test database\n" + DB);
    CliProcess.Result normal = CliProcess.run(repo, "scan", "infra", "-f", "json");
    assertEquals(0, normal.exit(), normal.toString());
    CliProcess.Result audit = CliProcess.run(repo, "scan", "infra", "-f", "json", "--no-inline-suppressions");
    assertEquals(1, audit.exit(), audit.toString());
    assertTrue(has(json(audit), "SPOF-RDS-001"), audit.toString());
    assertEquals(0, json(audit).get("suppressed").size());
  }

  @Test
  void checkAndSkipCheckTakeIdsGlobsAndSeverities() throws IOException {
    CliProcess.Result only = CliProcess.run(repo, "scan", ".", "-f", "json", "--check", "SPOF-RDS-001");
    assertEquals(1, only.exit(), only.toString());
    JsonNode onlyReport = json(only);
    assertTrue(rules(onlyReport, "findings").stream().allMatch(s -> s.startsWith("SPOF-RDS-001 ")), only.toString());
    assertTrue(has(onlyReport, "SPOF-RDS-001"));

    CliProcess.Result glob = CliProcess.run(repo, "scan", ".", "-f", "json", "--skip-check", "SPOF-K8S-*");
    assertTrue(rules(json(glob), "findings").stream().noneMatch(s -> s.startsWith("SPOF-K8S-")), glob.toString());
    assertTrue(has(json(glob), "SPOF-RDS-001"), glob.toString());

    CliProcess.Result high = CliProcess.run(repo, "scan", ".", "-f", "json", "--check", "severity:high");
    json(high).get("findings").forEach(f -> assertTrue(List.of("high", "critical")
        .contains(f.get("severity").asText()), f.toString()));
    CliProcess.Result skipLow = CliProcess.run(repo, "scan", ".", "-f", "json", "--skip-check", "severity:medium");
    json(skipLow).get("findings").forEach(f -> assertTrue(List.of("high", "critical")
        .contains(f.get("severity").asText()), f.toString()));

    CliProcess.Result typo = CliProcess.run(repo, "scan", ".", "--check", "SPOF-RSD-001");
    assertEquals(2, typo.exit(), typo.toString());
    assertEquals("spofscan: --check SPOF-RSD-001 matches no rule (see 'spofscan rules')\n", typo.err());
  }

  @Test
  void quietListsOnlyFindingsAndCompactDropsTheFix() {
    CliProcess.Result full = CliProcess.run(repo, "scan", "infra");
    assertTrue(full.out().contains("fix:"), full.toString());
    assertTrue(full.out().contains("1 file, 1 resource scanned"), "singular: " + full);
    CliProcess.Result compact = CliProcess.run(repo, "scan", "infra", "--compact");
    assertFalse(compact.out().contains("fix:"), compact.toString());
    assertTrue(compact.out().contains("SPOF-RDS-001"), compact.toString());
    CliProcess.Result quiet = CliProcess.run(repo, "scan", "infra", "--quiet");
    assertEquals(1, quiet.exit(), quiet.toString());
    assertTrue(quiet.out().contains("SPOF-RDS-001"), quiet.toString());
    assertFalse(quiet.out().contains("SPOF finding"), "no summary: " + quiet);
    CliProcess.Result clean = CliProcess.run(repo, "scan", "infra", "--quiet", "--skip-check", "SPOF-RDS-001");
    assertEquals("", clean.out(), clean.toString());
  }

  @Test
  void stdinIsReadAsTheFormatAskedFor() throws IOException {
    CliProcess.Result tf = CliProcess.run(repo, DB, Map.of(), "scan", "-", "--stdin-format", "terraform",
        "--stdin-filename", "infra/piped.tf", "-f", "json");
    assertEquals(1, tf.exit(), tf.toString());
    JsonNode f = json(tf).get("findings").get(0);
    assertEquals("SPOF-RDS-001", f.get("ruleId").asText());
    assertEquals("infra/piped.tf", f.get("location").get("path").asText());
    assertEquals(2, f.get("location").get("line").asInt());

    CliProcess.Result bySuffix = CliProcess.run(repo, DB, Map.of(), "scan", "-", "--stdin-filename", "x.tf");
    assertEquals(1, bySuffix.exit(), "the .tf name says Terraform: " + bySuffix);

    CliProcess.Result unsaid = CliProcess.run(repo, DB, Map.of(), "scan", "-", "-f", "json");
    assertTrue(unsaid.out().contains("pass --stdin-format terraform"), unsaid.toString());

    CliProcess.Result noDash = CliProcess.run(repo, "scan", "infra", "--stdin-format", "terraform");
    assertEquals(2, noDash.exit(), noDash.toString());

    CliProcess.Result k8s = CliProcess.run(repo, WEB, Map.of(), "scan", "-", "--stdin-format", "kubernetes",
        "--stdin-filename", "rendered.yaml", "-f", "json", "--fail-on", "none");
    assertTrue(has(json(k8s), "SPOF-K8S-001"), k8s.toString());
  }

  @Test
  void theJsonSummaryCountsWhatTheTextSummaryCounts() throws IOException {
    Files.writeString(repo.resolve("infra/maybe.tf"),
        "variable \"ha\" {}\nresource \"aws_db_instance\" \"m\" {\n  multi_az = var.ha\n}\n");
    CliProcess.Result text = CliProcess.run(repo, "scan", "infra");
    CliProcess.Result json = CliProcess.run(repo, "scan", "infra", "-f", "json");
    JsonNode summary = json(json).get("summary");
    assertEquals(2, summary.get("findings").asInt());
    assertEquals(1, summary.get("certain").asInt());
    assertEquals(1, summary.get("unknown").asInt());
    assertTrue(text.out().contains("2 SPOF findings: 1 certain (1 high), 1 unknown"), text.toString());
    assertTrue(text.out().contains("depends on var.ha, which has no value"), text.toString());
  }

  @Test
  void rulesDescribesTheRulesNamedAsTextOrJson() throws IOException {
    CliProcess.Result one = CliProcess.run(repo, "rules", "SPOF-RDS-001");
    assertEquals(0, one.exit(), one.toString());
    assertTrue(one.out().startsWith("SPOF-RDS-001  ") && one.out().contains("  fix: "), one.toString());
    CliProcess.Result json = CliProcess.run(repo, "rules", "SPOF-META-*", "--format", "json");
    JsonNode list = JSON.readTree(json.out());
    assertEquals(3, list.size(), json.toString());
    assertEquals("SPOF-META-001", list.get(0).get("id").asText());
    CliProcess.Result unknown = CliProcess.run(repo, "rules", "SPOF-NOPE-001");
    assertEquals(2, unknown.exit(), unknown.toString());
  }
}
