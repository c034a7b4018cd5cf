package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that decide unknowns, configuration, and suppressions, through the real CLI. */
class GateEndToEndTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .resolve("examples").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private JsonNode json(CliProcess.Result r) throws IOException {
    return JSON.readTree(r.out());
  }

  private static List<String> findings(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("findings").forEach(f -> out.add(f.get("ruleId").asText() + " " + f.get("resource").asText()
        + (f.get("certain").asBoolean() ? "" : " unknown")));
    return out;
  }

  @Test
  void variablesAndParametersDecideUnknownFindings() throws IOException {
    Path tf = EXAMPLES.resolve("terraform");
    JsonNode open = json(CliProcess.run(tmp, "scan", tf.toString(), "-f", "json"));
    assertTrue(findings(open).contains("SPOF-RDS-001 aws_db_instance.reporting unknown"), findings(open).toString());

    JsonNode decided = json(CliProcess.run(tmp, "scan", tf.toString(), "-f", "json", "--var", "reporting_multi_az=true"));
    assertFalse(findings(decided).toString().contains("aws_db_instance.reporting"), findings(decided).toString());

    JsonNode fromEnv = json(CliProcess.run(tmp, null, Map.of("TF_VAR_reporting_multi_az", "false"),
        "scan", tf.toString(), "-f", "json"));
    assertTrue(findings(fromEnv).contains("SPOF-RDS-001 aws_db_instance.reporting"), findings(fromEnv).toString());

    Path tfvars = Files.writeString(tmp.resolve("prod.tfvars"), "reporting_multi_az = true\n");
    Path config = Files.writeString(tmp.resolve("ci.yml"), "terraform:\n  var-files: [prod.tfvars]\n"
        + "cloudformation:\n  parameters: {AuditMultiAZ: \"true\"}\n");
    JsonNode configured = json(CliProcess.run(tmp, "scan", tf.toString(), EXAMPLES.resolve("cloudformation").toString(),
        "-f", "json", "--config", config.toString()));
    assertFalse(findings(configured).toString().contains("unknown"), findings(configured).toString());
    assertTrue(Files.exists(tfvars));

    Path cfn = EXAMPLES.resolve("cloudformation");
    JsonNode param = json(CliProcess.run(tmp, "scan", cfn.toString(), "-f", "json", "--param", "AuditMultiAZ=false"));
    assertTrue(findings(param).contains("SPOF-RDS-001 AuditDb"), findings(param).toString());
    Path file = Files.writeString(tmp.resolve("params.json"),
        "[{\"ParameterKey\": \"AuditMultiAZ\", \"ParameterValue\": \"true\"}]");
    JsonNode paramFile = json(CliProcess.run(tmp, "scan", cfn.toString(), "-f", "json", "--param-file",
        file.toString()));
    assertFalse(findings(paramFile).toString().contains("AuditDb"), findings(paramFile).toString());
  }

  @Test
  void configurationTurnsRulesOffOverridesSeveritiesExcludesAndSetsTheGate() throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("legacy"));
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: %s}\nspec:\n  replicas: 1\n"
        + "  template: {spec: {containers: [{name: a, image: a:1}]}}\n";
    Files.writeString(repo.resolve("web.yaml"), deployment.formatted("web"));
    Files.writeString(repo.resolve("legacy/old.yaml"), deployment.formatted("old"));
    Files.writeString(repo.resolve("db.tf"), "resource \"aws_db_instance\" \"a\" {\n  multi_az = false\n}\n");

    CliProcess.Result plain = CliProcess.run(repo, "scan", "-f", "json");
    assertEquals(1, plain.exit(), plain.toString());
    assertEquals(3, findings(json(plain)).size(), findings(json(plain)).toString());

    Files.writeString(repo.resolve(".spofscan.yml"), """
        fail-on: critical
        exclude: ["legacy/**"]
        rules:
          SPOF-RDS-001: off
          SPOF-K8S-001: critical
        """);
    CliProcess.Result configured = CliProcess.run(repo, "scan", "-f", "json");
    assertEquals(1, configured.exit(), "K8S-001 raised to critical fails a critical gate: " + configured);
    JsonNode report = json(configured);
    assertEquals(List.of("SPOF-K8S-001 Deployment/default/web"), findings(report));
    assertEquals("critical", report.get("findings").get(0).get("severity").asText());

    CliProcess.Result overridden = CliProcess.run(repo, "scan", "--fail-on", "none");
    assertEquals(0, overridden.exit(), "the command line wins over the file: " + overridden);
  }

  @Test
  void examplesSuppressOnePerFormatAndEveryReportFormatSaysSo() throws IOException {
    // the per-format examples and the broken file (the flow example shop adds errors enough to fill GitHub's cap)
    CliProcess.Result r = CliProcess.run(tmp, "scan", EXAMPLES.resolve("terraform").toString(),
        EXAMPLES.resolve("cloudformation").toString(), EXAMPLES.resolve("kubernetes").toString(),
        EXAMPLES.resolve("broken").toString(), "-f", "json", "--fail-on", "none",
        "-f", "markdown", "-o", tmp.resolve("s.md").toString(), "-f", "junit", "-o", tmp.resolve("j.xml").toString(),
        "-f", "github", "-o", tmp.resolve("gh.txt").toString());
    JsonNode report = json(r);
    List<String> reasons = new ArrayList<>();
    report.get("suppressed").forEach(s -> reasons.add(s.get("format").asText() + ": "
        + s.get("suppression").get("justification").asText()));
    assertEquals(List.of(
        "CloudFormation: scratch space for batch jobs, safe to lose",
        "Kubernetes: batch report generator, a missed run is retried next night",
        "Terraform: throwaway rate-limit counters, rebuilt in seconds"), reasons.stream().sorted().toList());
    assertFalse(findings(report).stream().anyMatch(f -> f.startsWith("SPOF-META")), findings(report).toString());
    assertTrue(Files.readString(tmp.resolve("s.md")).contains("| suppressed | 3 |"));
    assertTrue(Files.readString(tmp.resolve("j.xml")).contains("suppressed: throwaway rate-limit counters"));
    assertTrue(Files.readString(tmp.resolve("gh.txt"))
        .contains("::error file=testdata/examples/broken/bad.yaml,line="), Files.readString(tmp.resolve("gh.txt")));
  }

  @Test
  void aSuppressionWithoutReasonIsReportedAndDoesNotHide() throws IOException {
    Files.writeString(tmp.resolve("db.tf"), "# spofscan:ignore SPOF-RDS-001\nresource \"aws_db_instance\" \"a\" {\n"
        + "  multi_az = false\n}\n");
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".", "-f", "json");
    assertEquals(1, r.exit(), r.toString());
    assertEquals(List.of("SPOF-META-001 suppression SPOF-RDS-001", "SPOF-RDS-001 aws_db_instance.a"),
        findings(json(r)).stream().sorted().toList());
  }

  @Test
  void oversizedFilesAreSkippedWithAWarning() throws IOException {
    Files.writeString(tmp.resolve("db.tf"), "resource \"aws_db_instance\" \"a\" {\n  multi_az = false\n}\n");
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".", "-f", "json", "--max-file-size", "10");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("over the 10-byte limit"), r.toString());
  }
}
