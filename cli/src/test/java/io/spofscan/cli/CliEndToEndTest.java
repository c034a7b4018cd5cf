package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI in a child JVM: exit codes, report files and contents, determinism. */
class CliEndToEndTest {
  private static final Path TESTDATA = Path.of(System.getProperty("spofscan.testdata", "../testdata"));
  private static final Path EXAMPLES = TESTDATA.resolve("examples").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every SARIF log the tests produce is kept here, and .ci/run validates each with the SARIF multitool. */
  private static final Path KEPT_SARIF = Path.of("target", "test-sarif");

  @TempDir
  Path tmp;

  private static void keepSarif(String name, String sarif) throws IOException {
    Files.createDirectories(KEPT_SARIF);
    Files.writeString(KEPT_SARIF.resolve(name + ".sarif"), sarif);
  }

  /**
   * Whether this build has the rule registry and both parsers (the modules are built on separate branches; until all
   * three are merged, the tests that need real findings are skipped rather than failed).
   */
  private static boolean rulesAndParsersPresent() {
    if (RuleCatalog.builtIn().isEmpty()) {
      return false;
    }
    try {
      Path dir = Files.createTempDirectory("spofscan-probe");
      Path tf = Files.writeString(dir.resolve("probe.tf"), "resource \"aws_db_instance\" \"p\" {\n}\n");
      Path yaml = Files.writeString(dir.resolve("probe.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n");
      var model = io.spofscan.parsers.Parsers.parse(java.util.List.of(
          new io.spofscan.core.scan.SourceFile(tf, "probe.tf", dir),
          new io.spofscan.core.scan.SourceFile(yaml, "probe.yaml", dir)), io.spofscan.core.scan.ScanOptions.defaults());
      Files.delete(tf);
      Files.delete(yaml);
      Files.delete(dir);
      return model.resources().size() == 2;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void versionAndUsageErrors() {
    CliProcess.Result version = CliProcess.run(tmp, "--version");
    assertEquals(0, version.exit(), version.toString());
    assertTrue(version.out().startsWith("spofscan "), version.toString());

    CliProcess.Result unknownOption = CliProcess.run(tmp, "scan", "--no-such-option");
    assertEquals(2, unknownOption.exit(), unknownOption.toString());
    assertTrue(unknownOption.err().contains("--no-such-option"), unknownOption.toString());
    assertFalse(unknownOption.err().contains("\tat "), "no stack trace");

    CliProcess.Result missing = CliProcess.run(tmp, "scan", "does-not-exist");
    assertEquals(2, missing.exit(), missing.toString());
    assertEquals("spofscan: no such file or directory: does-not-exist\n", missing.err());

    CliProcess.Result badThreshold = CliProcess.run(tmp, "scan", "--fail-on", "severe", ".");
    assertEquals(2, badThreshold.exit(), badThreshold.toString());

    CliProcess.Result noCommand = CliProcess.run(tmp);
    assertEquals(2, noCommand.exit(), noCommand.toString());
  }

  @Test
  void anUnwritableReportIsOneLineAndExitTwo() throws IOException {
    Files.writeString(tmp.resolve("not-a-dir"), "x");
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".", "-f", "json", "-o", "not-a-dir/out.json");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().startsWith("spofscan: cannot write not-a-dir/out.json"), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
  }

  @Test
  void pathsAreRelativeToTheRepositoryRoot() throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("infra/db"));
    Files.writeString(repo.resolve("infra/db/main.tf"), "resource \"aws_db_instance\" \"a\" {\n}\n");
    CliProcess.Result r = CliProcess.run(repo.resolve("infra"), "scan", "db", "-f", "sarif", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("\"uri\": \"infra/db/main.tf\""), r.toString());
    CliProcess.Result base = CliProcess.run(repo.resolve("infra"), "scan", "db", "-f", "json", "--fail-on", "none",
        "--repo-root", ".");
    assertTrue(base.out().contains("\"path\": \"db/main.tf\""), base.toString());
  }

  @Test
  void aFileBesideAModuleIsReadWhenTheScanStartsBelowTheRepositoryRoot() throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("infra/cache"));
    Files.writeString(repo.resolve("infra/cache/main.tf"), """
        resource "helm_release" "cache" {
          name       = "cache"
          repository = "https://charts.bitnami.com/bitnami"
          chart      = "redis"
          values     = [file("${path.module}/values.yaml")]
        }
        """);
    Files.writeString(repo.resolve("infra/cache/values.yaml"), "architecture: standalone\n");
    CliProcess.Result r = CliProcess.run(repo.resolve("infra"), "scan", "cache", "-f", "json", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    JsonNode finding = JSON.readTree(r.out()).path("findings").path(0);
    assertEquals("SPOF-HELM-001", finding.path("ruleId").asText(), r.toString());
    assertTrue(finding.path("certain").asBoolean(), "path.module is infra/cache, read from the module's folder: " + r);
  }

  @Test
  void anEmptyTreeIsCleanAndExitsZero() throws IOException {
    Files.writeString(tmp.resolve("README.md"), "nothing to scan\n");
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("0 SPOF findings"), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void unknownConfigKeyIsAnErrorNamingFileAndLine() throws IOException {
    Files.writeString(tmp.resolve(".spofscan.yml"), "fail-on: high\nrules:\n  SPOF-META-002: off\nexclud:\n  - x\n");
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains(".spofscan.yml:4:1: unknown key 'exclud'"), r.toString());

    Files.writeString(tmp.resolve(".spofscan.yml"), "rules:\n  SPOF-NOPE-001: off\n");
    CliProcess.Result rule = CliProcess.run(tmp, "scan", ".");
    assertEquals(2, rule.exit(), rule.toString());
    assertTrue(rule.err().contains(".spofscan.yml:2:3: unknown rule id 'SPOF-NOPE-001'"), rule.toString());
  }

  @Test
  void initWritesAStarterConfigThatTheScannerAccepts() throws IOException {
    CliProcess.Result init = CliProcess.run(tmp, "init");
    assertEquals(0, init.exit(), init.toString());
    assertTrue(Files.readString(tmp.resolve(".spofscan.yml")).contains("fail-on: high"));
    CliProcess.Result again = CliProcess.run(tmp, "init");
    assertEquals(2, again.exit(), "refuses to overwrite: " + again);
    CliProcess.Result scan = CliProcess.run(tmp, "scan");
    assertEquals(0, scan.exit(), scan.toString());
  }

  @Test
  void severalReportsInOneRunAreWrittenToTheirFiles() throws IOException {
    Path sarif = tmp.resolve("out/spofscan.sarif");
    Path json = tmp.resolve("out/spofscan.json");
    Path md = tmp.resolve("out/summary.md");
    Path junit = tmp.resolve("out/junit.xml");
    CliProcess.Result r = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "--fail-on", "none",
        "--format", "sarif", "--output", sarif.toString(), "--format", "json", "-o", json.toString(),
        "-f", "markdown", "-o", md.toString(), "-f", "junit", "-o", junit.toString(), "--format", "text");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("SPOF finding"), r.toString());
    keepSarif("examples", Files.readString(sarif));
    JsonNode log = JSON.readTree(sarif.toFile());
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals(1, log.get("runs").size());
    JsonNode report = JSON.readTree(json.toFile());
    assertTrue(report.get("summary").get("files").asInt() >= 9, report.toString());
    assertTrue(Files.readString(md).startsWith("## spofscan: "));
    assertTrue(Files.readString(junit).startsWith("<?xml"));
    try (var listing = Files.list(tmp.resolve("out"))) {
      assertEquals(4, listing.count(), "no temp files left behind");
    }
  }

  @Test
  void twoRunsAreByteIdentical() throws IOException {
    CliProcess.Result a = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "--format", "json", "--fail-on", "none");
    CliProcess.Result b = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "--format", "json", "--fail-on", "none");
    assertEquals(0, a.exit(), a.toString());
    assertEquals(a.out(), b.out());
    CliProcess.Result s1 = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "-f", "sarif", "--fail-on", "none");
    CliProcess.Result s2 = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "-f", "sarif", "--fail-on", "none");
    assertEquals(s1.out(), s2.out());
    CliProcess.Result full = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "-f", "sarif", "--fail-on", "none",
        "--include-suppressed", "--category", "iac/examples", "--sarif-security-severity");
    assertEquals(0, full.exit(), full.toString());
    keepSarif("examples-suppressed-category-security", full.out());
  }

  @Test
  void rulesMarkdownMatchesTheCheckedInDocs() throws IOException {
    CliProcess.Result r = CliProcess.run(tmp, "rules", "--format", "markdown");
    assertEquals(0, r.exit(), r.toString());
    Path docs = TESTDATA.getParent().resolve("docs/rules.md");
    assertEquals(Files.readString(docs), r.out(),
        "docs/rules.md is stale: regenerate it with ./spofscan rules --format markdown > docs/rules.md");
  }

  @Test
  void everyRulesHelpUriIsItsOwnSectionOfTheRuleReference() throws IOException {
    CliProcess.Result r = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "-f", "sarif", "--fail-on", "none");
    String docs = Files.readString(TESTDATA.getParent().resolve("docs/rules.md"));
    JsonNode rules = JSON.readTree(r.out()).path("runs").get(0).path("tool").path("driver").path("rules");
    assertTrue(rules.size() > 0, r.toString());
    for (JsonNode rule : rules) {
      String id = rule.path("id").asText();
      String uri = rule.path("helpUri").asText();
      assertTrue(uri.endsWith("docs/rules.md#" + id.toLowerCase(java.util.Locale.ROOT)), id + ": " + uri);
      assertTrue(docs.contains("\n## " + id + "\n"), id + " has no section in docs/rules.md for its helpUri");
      if (!id.startsWith("SPOF-META-")) {
        assertTrue(rule.path("help").path("markdown").asText().contains("References:\n- https://"), id);
      }
    }
  }

  @Test
  void theReadmeRuleTableIsGeneratedFromTheRules() throws IOException {
    CliProcess.Result r = CliProcess.run(tmp, "rules", "--format", "markdown-table");
    assertEquals(0, r.exit(), r.toString());
    String readme = Files.readString(TESTDATA.getParent().resolve("README.md"));
    int start = readme.indexOf(RulesCommand.TABLE_START);
    int end = readme.indexOf(RulesCommand.TABLE_END);
    assertTrue(start >= 0 && end > start, "README.md has no generated rule table");
    assertEquals(readme.substring(start, end + RulesCommand.TABLE_END.length() + 1), r.out(),
        "README.md's rule table is stale: regenerate it with .ci/readme-rules --write");
    for (var rule : RuleCatalog.allMetas()) {
      assertTrue(r.out().contains("| [" + rule.id() + "]"), rule.id());
    }
  }

  @Test
  void examplesShowEveryFamilyInEveryFormatAndTheBrokenFile() throws IOException {
    assumeTrue(rulesAndParsersPresent(), "the rules module has no registry on this branch yet");
    CliProcess.Result r = CliProcess.run(tmp, "scan", EXAMPLES.toString(), "--format", "json");
    assertEquals(1, r.exit(), r.toString());
    JsonNode report = JSON.readTree(r.out());
    Set<String> found = new HashSet<>();
    for (JsonNode f : report.get("findings")) {
      found.add(f.get("ruleId").asText() + " " + f.get("format").asText());
    }
    for (String expected : new String[] {"SPOF-RDS-001 Terraform", "SPOF-RDS-001 CloudFormation",
        "SPOF-REDIS-001 Terraform", "SPOF-REDIS-001 CloudFormation", "SPOF-REDIS-002 Terraform",
        "SPOF-REDIS-002 CloudFormation", "SPOF-K8S-013 Kubernetes", "SPOF-K8S-001 Kubernetes",
        "SPOF-K8S-002 Kubernetes", "SPOF-TLS-001 Terraform", "SPOF-TLS-002 Terraform",
        "SPOF-TLS-002 CloudFormation", "SPOF-TLS-003 Kubernetes", "SPOF-TLS-004 Kubernetes",
        "SPOF-DNS-001 Terraform", "SPOF-DNS-001 CloudFormation"}) {
      assertTrue(found.contains(expected), expected + " missing from " + found);
    }
    assertEquals(3, report.get("suppressed").size(), "one suppression per format: " + report.get("suppressed"));
    boolean brokenReported = false;
    for (JsonNode d : report.get("diagnostics")) {
      brokenReported |= d.get("level").asText().equals("error")
          && d.get("location").get("path").asText().endsWith("broken/bad.yaml")
          && d.get("location").get("line").asInt() >= 1;
    }
    assertTrue(brokenReported, report.get("diagnostics").toString());
    for (JsonNode f : report.get("findings")) {
      String address = f.get("resource").asText();
      assertFalse(address.contains("payments") || address.contains("LedgerDb") || address.contains("catalog")
          && !f.get("ruleId").asText().startsWith("SPOF-META"), "healthy resource flagged: " + f);
    }
  }

  @Test
  void aBrokenFileAmongGoodOnesIsADiagnosticAndTheOthersAreStillScanned() throws IOException {
    assumeTrue(rulesAndParsersPresent(), "the rules module has no registry on this branch yet");
    Files.writeString(tmp.resolve("a.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 1
          template: {spec: {containers: [{name: a, image: a:1}]}}
        """);
    Files.writeString(tmp.resolve("b.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [unclosed\n");
    Files.writeString(tmp.resolve("c.tf"), """
        resource "aws_db_instance" "c" {
          multi_az = false
        }
        """);
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".", "--format", "json");
    assertEquals(1, r.exit(), r.toString());
    JsonNode report = JSON.readTree(r.out());
    Set<String> paths = new HashSet<>();
    report.get("findings").forEach(f -> paths.add(f.get("location").get("path").asText()
        + ":" + f.get("location").get("line").asInt() + " " + f.get("ruleId").asText()));
    assertTrue(paths.contains("a.yaml:5 SPOF-K8S-001"), paths.toString());
    assertTrue(paths.contains("c.tf:2 SPOF-RDS-001"), paths.toString());
    assertTrue(report.get("diagnostics").toString().contains("b.yaml"), report.toString());

    CliProcess.Result sarif = CliProcess.run(tmp, "scan", ".", "-f", "sarif", "--fail-on", "none");
    keepSarif("broken-among-good", sarif.out());
    assertTrue(sarif.out().contains("\"toolExecutionNotifications\""), sarif.toString());
    CliProcess.Result strict = CliProcess.run(tmp, "scan", ".", "--strict");
    assertEquals(2, strict.exit(), strict.toString());
    CliProcess.Result soft = CliProcess.run(tmp, "scan", ".", "--soft-fail");
    assertEquals(0, soft.exit(), soft.toString());
    CliProcess.Result none = CliProcess.run(tmp, "scan", ".", "--fail-on", "critical");
    assertEquals(0, none.exit(), "no critical finding: " + none);
  }

  @Test
  void baselineHidesKnownFindingsAndSurvivesUnrelatedEdits() throws IOException {
    assumeTrue(rulesAndParsersPresent(), "the rules module has no registry on this branch yet");
    Path tf = tmp.resolve("db.tf");
    Files.writeString(tf, "resource \"aws_db_instance\" \"a\" {\n  multi_az = false\n}\n");
    CliProcess.Result create = CliProcess.run(tmp, "baseline", "create", ".", "-o", "base.json");
    assertEquals(0, create.exit(), create.toString());
    // unrelated edits: lines inserted above, reformatted attribute
    Files.writeString(tf, "# the orders database\n\n\nresource \"aws_db_instance\" \"a\" {\n"
        + "  engine   = \"postgres\"\n  multi_az    =    false\n}\n");
    CliProcess.Result same = CliProcess.run(tmp, "scan", ".", "--baseline", "base.json");
    assertEquals(0, same.exit(), same.toString());
    assertTrue(same.out().contains("1 known finding hidden, 0 no longer found"), same.toString());
    Files.writeString(tf, "resource \"aws_db_instance\" \"b\" {\n  multi_az = false\n}\n");
    CliProcess.Result renamed = CliProcess.run(tmp, "scan", ".", "--baseline", "base.json");
    assertEquals(1, renamed.exit(), "a new resource is a new finding: " + renamed);
    assertTrue(renamed.out().contains("gone: SPOF-RDS-001  db.tf  aws_db_instance.a"), renamed.toString());
  }

  @Test
  void stdinIsScannedAsAMultiDocumentStream() {
    assumeTrue(rulesAndParsersPresent(), "the rules module has no registry on this branch yet");
    String docs = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: apps/v1\n"
        + "kind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n";
    CliProcess.Result r = CliProcess.run(tmp, docs, Map.of(), "scan", "-", "--format", "json", "--fail-on", "medium");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.out().contains("\"path\": \"<stdin>\""), r.toString());
    assertTrue(r.out().contains("\"line\": 9"), r.toString());
  }
}
