package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.report.JsonReport;
import io.spofscan.core.report.ScanReport;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge reads what {@code --format json} writes: every result here is produced by the real engine
 * ({@link Analyzer}) and the real {@link JsonReport} over small models, with two rules of different severities.
 */
class ReportMergeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  @RuleInfo(id = "TEST-DB-001", title = "Database in one zone", severity = Severity.HIGH, formats = Format.TERRAFORM,
      rationale = "one zone", remediation = "set multi_az", tags = "test")
  static final class SingleZoneDb implements ResourceRule {
    @Override
    public boolean appliesTo(Resource r) {
      return r.type().equals("aws_db_instance");
    }

    @Override
    public void check(Resource r, Model model, Reporter report) {
      Value multiAz = r.attr("multi_az");
      switch (multiAz.truth(false)) {
        case FALSE -> report.at(r, multiAz, "%s runs in one AZ", r.address());
        case UNKNOWN -> report.unknown(r, multiAz, "%s: Multi-AZ depends on %s", r.address(),
            multiAz.unknownReason().orElse("?"));
        case TRUE -> { }
      }
    }
  }

  @RuleInfo(id = "TEST-NAT-001", title = "One NAT gateway", severity = Severity.MEDIUM, formats = Format.TERRAFORM,
      rationale = "one NAT", remediation = "one per AZ", tags = "test")
  static final class SingleNat implements ResourceRule {
    @Override
    public boolean appliesTo(Resource r) {
      return r.type().equals("aws_nat_gateway");
    }

    @Override
    public void check(Resource r, Model model, Reporter report) {
      report.at(r, Value.absent(), "%s serves every AZ", r.address());
    }
  }

  private static final List<Rule> RULES = List.of(new SingleZoneDb(), new SingleNat());

  /** A resource at the given line of main.tf; multiAz null means the attribute is absent. */
  private static Resource resource(String type, String name, int line, Value multiAz) {
    SourceRange header = SourceRange.at("main.tf", line, 1);
    Map<String, Value> body = multiAz == null ? Map.of() : Map.of("multi_az", multiAz);
    return Resource.of(Format.TERRAFORM, type, type + "." + name, header, new Value.MapValue(body, header), List.of());
  }

  private static Resource db(String name, int line, boolean multiAz) {
    return resource("aws_db_instance", name, line, Value.of(multiAz, SourceRange.at("main.tf", line + 1, 3)));
  }

  private Path scan(String fileName, List<Resource> resources, List<Diagnostic> diagnostics) throws IOException {
    Analyzer analyzer = new Analyzer(RULES);
    Analyzer.Analysis analysis = analyzer.analyze(new Model(resources, diagnostics));
    ScanReport report = new ScanReport("test", analyzer.ruleMetas(), analysis.findings(), analysis.diagnostics(),
        3, resources.size());
    Path file = dir.resolve(fileName);
    Files.writeString(file, new JsonReport().render(report));
    return file;
  }

  private record Run(int exit, String out, String err) {}

  private static Run merge(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ReportMergeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<String> args(Object... parts) {
    List<String> list = new ArrayList<>();
    for (Object p : parts) {
      list.add(p.toString());
    }
    return list;
  }

  @Test
  void countsFindingsPerRepositoryRuleAndSeverity() throws IOException {
    Path payments = scan("payments.json", List.of(db("orders", 1, false), db("ledger", 10, true),
        resource("aws_db_instance", "reports", 20, Value.unknown("var.multi_az has no value",
            SourceRange.at("main.tf", 21, 3))),
        resource("aws_nat_gateway", "main", 30, null)), List.of());
    Path web = scan("web.json", List.of(resource("aws_nat_gateway", "edge", 5, null)),
        List.of(Diagnostic.error(SourceRange.at("broken.tf", 4, 2), "unclosed block")));
    Path clean = scan("clean.json", List.of(db("ok", 1, true)), List.of());
    Path org = dir.resolve("out/org.json");
    Path md = dir.resolve("out/org.md");

    Run run = merge(args("-o", org, "--markdown", md, web, payments, clean).toArray(String[]::new));

    assertEquals(0, run.exit(), run.err());
    JsonNode root = MAPPER.readTree(org.toFile());
    assertEquals("organisation", root.path("tool").path("report").asText());
    JsonNode summary = root.path("summary");
    assertEquals(3, summary.path("repositories").asInt());
    assertEquals(2, summary.path("repositoriesWithFindings").asInt());
    assertEquals(4, summary.path("findings").asInt(), "orders + reports (uncertain) + two NAT gateways");
    assertEquals(1, summary.path("bySeverity").path("high").asInt());
    assertEquals(2, summary.path("bySeverity").path("medium").asInt());
    assertEquals(1, summary.path("unknown").asInt());
    assertEquals(1, summary.path("filesWithErrors").asInt());
    assertTrue(root.path("trend").isMissingNode(), "no trend without --previous");

    JsonNode repos = root.path("repositories");
    assertEquals(List.of("clean", "payments", "web"), names(repos), "sorted by name, named after the file");
    JsonNode paymentsNode = repos.get(1);
    assertEquals(3, paymentsNode.path("findings").asInt());
    assertEquals(1, paymentsNode.path("bySeverity").path("high").asInt());
    assertEquals(1, paymentsNode.path("unknown").asInt());
    assertEquals(3, paymentsNode.path("fingerprints").size());
    assertEquals(4, paymentsNode.path("resources").asInt());

    JsonNode rules = root.path("rules");
    assertEquals("TEST-DB-001", rules.get(0).path("ruleId").asText(), "highest severity first");
    assertEquals(2, rules.get(0).path("findings").asInt());
    assertEquals(1, rules.get(0).path("unknown").asInt());
    assertEquals("TEST-NAT-001", rules.get(1).path("ruleId").asText());
    assertEquals(List.of("payments", "web"), texts(rules.get(1).path("repositories")));

    String markdown = Files.readString(md);
    assertTrue(markdown.contains("| payments | 3 | 0 | 1 | 1 | 0 | 1 | 0 |"), markdown);
    assertTrue(markdown.contains("| TEST-NAT-001 | One NAT gateway | medium | 2 | 0 | 2 |"), markdown);
    assertTrue(run.out().contains("merged 3 repositories: 4 findings (1 uncertain)"), run.out());
  }

  @Test
  void trendsCountNewAndResolvedByFingerprintNotByLine() throws IOException {
    Path before = scan("api.json", List.of(db("orders", 1, false), db("users", 10, false)), List.of());
    Path otherBefore = scan("batch.json", List.of(resource("aws_nat_gateway", "main", 1, null)), List.of());
    Path prev = dir.resolve("prev.json");
    assertEquals(0, merge(args("-o", prev, before, otherBefore).toArray(String[]::new)).exit());

    // Next run: orders moved 40 lines down (same finding), users was fixed, sessions is new; batch was not scanned,
    // and a new repository appears under an explicit name.
    Path now = scan("api-run2.json", List.of(db("orders", 41, false), db("users", 50, true), db("sessions", 60, false)),
        List.of());
    Path fresh = scan("x.json", List.of(db("main", 1, false)), List.of());
    Path org = dir.resolve("org.json");
    Path md = dir.resolve("org.md");
    Run run = merge(args("--previous", prev, "-o", org, "--markdown", md, "--name", "api-run2.json=api",
        "--name", fresh + "=acme/fresh", now, fresh).toArray(String[]::new));

    assertEquals(0, run.exit(), run.err());
    JsonNode root = MAPPER.readTree(org.toFile());
    JsonNode trend = root.path("trend");
    assertEquals("prev.json", trend.path("previous").asText());
    assertEquals(2, trend.path("new").asInt(), "sessions in api, and the first finding of the new repository");
    assertEquals(1, trend.path("resolved").asInt(), "users was fixed; the moved orders finding is unchanged");
    assertEquals(List.of("batch"), texts(trend.path("notScanned")), "a repository not scanned is not 'resolved'");
    JsonNode repos = root.path("repositories");
    assertEquals(List.of("acme/fresh", "api"), names(repos));
    assertEquals(1, repos.get(0).path("new").asInt());
    assertEquals(1, repos.get(1).path("new").asInt());
    assertEquals(1, repos.get(1).path("resolved").asInt());
    String markdown = Files.readString(md);
    assertTrue(markdown.contains("**2 new**, **1 resolved**"), markdown);
    assertTrue(markdown.contains("`batch`"), markdown);
  }

  @Test
  void mergingTheSameInputsTwiceGivesTheSameBytes() throws IOException {
    Path a = scan("a.json", List.of(db("x", 1, false), resource("aws_nat_gateway", "n", 9, null)), List.of());
    Path b = scan("b.json", List.of(db("y", 1, false)), List.of());
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    assertEquals(0, merge(args("-o", first, a, b).toArray(String[]::new)).exit());
    assertEquals(0, merge(args("-o", second, b, a).toArray(String[]::new)).exit());
    assertEquals(Files.readString(first), Files.readString(second), "input order must not matter");
  }

  @Test
  void badInputsFailWithOneLineAndExitTwo() throws IOException {
    Path good = scan("good.json", List.of(db("x", 1, false)), List.of());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"tool\": {\"name\": \"spofscan\"},\n  \"findings\": [\n");
    Path foreign = dir.resolve("foreign.json");
    Files.writeString(foreign, "{\"results\": []}\n");
    Path out = dir.resolve("org.json");

    Run truncated = merge(args("-o", out, good, broken).toArray(String[]::new));
    assertEquals(2, truncated.exit());
    assertTrue(truncated.err().contains("broken.json:"), truncated.err());
    assertTrue(truncated.err().contains("not valid JSON"), truncated.err());
    assertEquals(1, truncated.err().strip().lines().count(), "one line, no stack trace: " + truncated.err());

    Run notOurs = merge(args("-o", out, foreign).toArray(String[]::new));
    assertEquals(2, notOurs.exit());
    assertTrue(notOurs.err().contains("not a spofscan JSON result"), notOurs.err());

    Run missing = merge(args("-o", out, dir.resolve("nope.json")).toArray(String[]::new));
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());

    Run clash = merge(args("-o", out, "--name", "good.json=same", "--name", "other.json=same", good,
        scan("other.json", List.of(), List.of())).toArray(String[]::new));
    assertEquals(2, clash.exit());
    assertTrue(clash.err().contains("two results are named 'same'"), clash.err());

    Run orgAsInput = merge(args("-o", dir.resolve("org2.json"), good).toArray(String[]::new));
    assertEquals(0, orgAsInput.exit());
    Run mixedUp = merge(args("-o", out, dir.resolve("org2.json")).toArray(String[]::new));
    assertEquals(2, mixedUp.exit());
    assertTrue(mixedUp.err().contains("merged organisation report"), mixedUp.err());

    Run noInputs = merge("-o", out.toString());
    assertEquals(2, noInputs.exit());
    assertFalse(Files.exists(out), "nothing is written when the inputs are wrong");
  }

  /** A repository with one RDS instance; multiAz decides whether the real rules flag it. */
  private Path repoWithDatabase(String name, String multiAz, boolean withDeployment) throws IOException {
    Path repo = dir.resolve("repos").resolve(name);
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("main.tf"), String.join("\n",
        "resource \"aws_db_instance\" \"orders\" {",
        "  engine         = \"postgres\"",
        "  instance_class = \"db.t4g.medium\"",
        "  multi_az       = " + multiAz,
        "}", ""));
    if (withDeployment) {
      Files.writeString(repo.resolve("app.yaml"), String.join("\n",
          "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: api", "spec:", "  replicas: 1",
          "  selector:", "    matchLabels:", "      app: api", "  template:", "    metadata:", "      labels:",
          "        app: api", "    spec:", "      containers:", "        - name: api", "          image: api:1", ""));
    }
    return repo;
  }

  private Path realScan(Path repo, String resultName) {
    Path result = dir.resolve("results").resolve(resultName);
    int exit = Main.run("scan", repo.toString(), "--repo-root", repo.toString(), "--format", "json",
        "--output", result.toString(), "--fail-on", "none");
    assertEquals(0, exit, "scan of " + repo);
    return result;
  }

  @Test
  void mergesResultsOfRealScansThroughTheCli() throws IOException {
    Path shop = realScan(repoWithDatabase("shop", "false", true), "acme__shop.json");
    Path blog = realScan(repoWithDatabase("blog", "true", false), "acme__blog.json");
    Path prev = dir.resolve("prev.json");
    assertEquals(0, Main.run("report", "merge", "-o", prev.toString(), shop.toString(), blog.toString()));
    JsonNode first = MAPPER.readTree(prev.toFile());
    JsonNode shopNode = first.path("repositories").get(1);
    assertEquals("acme__shop", shopNode.path("name").asText());
    assertTrue(shopNode.path("findings").asInt() >= 2, "single-AZ RDS and a one-replica Deployment: " + shopNode);
    assertEquals(0, first.path("repositories").get(0).path("findings").asInt(), "the Multi-AZ database is fine");
    List<String> ruleIds = new ArrayList<>();
    first.path("rules").forEach(r -> ruleIds.add(r.path("ruleId").asText()));
    assertTrue(ruleIds.contains("SPOF-RDS-001"), ruleIds.toString());

    // Renamed with --name, the repositories are new to the trend: all their findings are new, nothing is
    // resolved, and the old names are listed as not scanned.
    Path org = dir.resolve("org.json");
    assertEquals(0, Main.run("report", "merge", "--previous", prev.toString(), "-o", org.toString(),
        "--name", "acme__shop.json=acme/shop", "--name", "acme__blog.json=acme/blog", shop.toString(),
        blog.toString()));
    JsonNode root = MAPPER.readTree(org.toFile());
    assertEquals(List.of("acme/blog", "acme/shop"), names(root.path("repositories")));
    JsonNode trend = root.path("trend");
    assertEquals(root.path("summary").path("findings").asInt(), trend.path("new").asInt(), trend.toString());
    assertEquals(0, trend.path("resolved").asInt());
    assertEquals(List.of("acme__blog", "acme__shop"), texts(trend.path("notScanned")));
  }

  @Test
  void realScansKeepTheirNamesAcrossRunsForTheTrend() throws IOException {
    Path shop = realScan(repoWithDatabase("shop", "false", true), "shop.json");
    Path prev = dir.resolve("prev.json");
    assertEquals(0, Main.run("report", "merge", "-o", prev.toString(), shop.toString()));
    int before = MAPPER.readTree(prev.toFile()).path("summary").path("findings").asInt();

    Path fixed = realScan(repoWithDatabase("shop", "true", true), "shop.json");
    Path org = dir.resolve("org.json");
    assertEquals(0, Main.run("report", "merge", "--previous", prev.toString(), "-o", org.toString(),
        fixed.toString()));
    JsonNode root = MAPPER.readTree(org.toFile());
    assertEquals(before - 1, root.path("summary").path("findings").asInt());
    assertEquals(0, root.path("trend").path("new").asInt());
    assertEquals(1, root.path("trend").path("resolved").asInt(), "the RDS finding is resolved");
    assertEquals(2, Main.run("report", "merge", "-o", org.toString(), dir.resolve("missing.json").toString()),
        "a missing result is a usage error through the real CLI too");
  }

  private static List<String> names(JsonNode repos) {
    List<String> names = new ArrayList<>();
    repos.forEach(r -> names.add(r.path("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}
