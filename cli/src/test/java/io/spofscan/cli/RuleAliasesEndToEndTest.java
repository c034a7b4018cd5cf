package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.core.engine.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPOF-K8S-006 and SPOF-K8S-007 were merged into SPOF-K8S-003: their ids still work wherever a repository wrote
 * them (inline suppressions, configuration, --check/--skip-check, baselines), and mean SPOF-K8S-003.
 */
class RuleAliasesEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "Deployment/shop/web";
  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: web:1}]}
      """;

  @TempDir
  Path repo;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("k8s"));
    Files.writeString(repo.resolve("k8s/web.yaml"), WEB);
  }

  private List<JsonNode> scan(String array, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "k8s", "-f", "json", "--fail-on", "none"));
    args.addAll(List.of(extra));
    CliProcess.Result r = CliProcess.run(repo, args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.toString());
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(r.out()).get(array).forEach(out::add);
    return out;
  }

  @Test
  void oneFindingListsEveryMissingProtection() throws IOException {
    List<JsonNode> findings = scan("findings");
    assertEquals(1, findings.size(), findings.toString());
    JsonNode f = findings.get(0);
    assertEquals("SPOF-K8S-003", f.get("ruleId").asText());
    String message = f.get("message").asText();
    assertTrue(message.contains("no PodDisruptionBudget, no spread over nodes and no spread over zones"), message);
  }

  @Test
  void anInlineSuppressionOfAFormerIdHolds() throws IOException {
    Files.writeString(repo.resolve("k8s/web.yaml"), "# spofscan:ignore SPOF-K8S-006 one node pool by design\n" + WEB);
    assertEquals(List.of(), scan("findings"));
    List<JsonNode> suppressed = scan("suppressed");
    assertEquals(1, suppressed.size());
    assertEquals("SPOF-K8S-003", suppressed.get(0).get("ruleId").asText());
  }

  @Test
  void configurationAcceptsFormerIds() throws IOException {
    Files.writeString(repo.resolve(".spofscan.yml"), """
        ignore:
          - rule: SPOF-K8S-007
            resource: Deployment/shop/*
            reason: single-zone cluster
        """);
    assertEquals(List.of(), scan("findings"));
    Files.writeString(repo.resolve(".spofscan.yml"), "rules:\n  SPOF-K8S-006: off\n");
    assertEquals(List.of(), scan("findings"));
    Files.writeString(repo.resolve(".spofscan.yml"), "rules:\n  SPOF-K8S-007: high\n");
    assertEquals("high", scan("findings").get(0).get("severity").asText());
  }

  @Test
  void checkAndSkipCheckAcceptFormerIds() throws IOException {
    assertEquals("SPOF-K8S-003", scan("findings", "--check", "SPOF-K8S-007").get(0).get("ruleId").asText());
    assertEquals(List.of(), scan("findings", "--skip-check", "SPOF-K8S-006"));
  }

  @Test
  void aBaselineEntryOfAFormerIdAcceptsTheMergedFinding() throws IOException {
    String oldFingerprint = Analyzer.fingerprint("SPOF-K8S-006", "k8s/web.yaml", RESOURCE);
    Files.writeString(repo.resolve("baseline.json"), """
        {"version": 1, "findings": [
          {"fingerprint": "%s", "ruleId": "SPOF-K8S-006", "path": "k8s/web.yaml", "resource": "%s"}]}
        """.formatted(oldFingerprint, RESOURCE));
    assertEquals(List.of(), scan("findings", "--baseline", "baseline.json"));
  }
}
