package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.core.engine.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules renamed so that an id's area says what it checks keep their former id working wherever a repository wrote it
 * (inline suppressions, configuration, --check/--skip-check, baselines); findings carry the new id.
 */
class RenamedRuleIdsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A renamed rule and one file it reports once, with {@code %s} where an inline suppression goes. */
  record Rename(String formerId, String id, String file, String resource, String text) {
    String withComment(String comment) {
      return text.formatted(comment);
    }

    @Override
    public String toString() {
      return formerId + " -> " + id;
    }
  }

  static Stream<Rename> renames() {
    return Stream.of(
        new Rename("SPOF-RDS-002", "SPOF-CLOUDSQL-001", "db.tf", "google_sql_database_instance.main", """
            %s
            resource "google_sql_database_instance" "main" {
              database_version = "POSTGRES_15"
              settings {
                tier              = "db-custom-2-7680"
                availability_type = "ZONAL"
              }
            }
            """),
        new Rename("SPOF-RDS-003", "SPOF-AZDB-001", "db.tf", "azurerm_postgresql_flexible_server.orders", """
            %s
            resource "azurerm_postgresql_flexible_server" "orders" {
              name     = "orders"
              sku_name = "GP_Standard_D2s_v3"
            }
            """),
        new Rename("SPOF-REDIS-003", "SPOF-K8S-013", "cache.yaml", "StatefulSet/shop/cache", """
            %s
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: cache, namespace: shop}
            spec:
              replicas: 1
              serviceName: cache
              selector: {matchLabels: {app: cache}}
              template:
                metadata: {labels: {app: cache}}
                spec: {containers: [{name: redis, image: redis:7.2}]}
            """));
  }

  @TempDir
  Path repo;

  private void write(Rename r, String comment) throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src").resolve(r.file()), r.withComment(comment));
  }

  private List<JsonNode> scan(String array, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "src", "-f", "json", "--fail-on", "none"));
    args.addAll(List.of(extra));
    CliProcess.Result result = CliProcess.run(repo, args.toArray(String[]::new));
    assertEquals(0, result.exit(), result.toString());
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(result.out()).get(array).forEach(out::add);
    return out;
  }

  private static List<String> ids(List<JsonNode> findings) {
    return findings.stream().map(f -> f.get("ruleId").asText()).toList();
  }

  @ParameterizedTest
  @MethodSource("renames")
  void findingsCarryTheNewId(Rename r) throws IOException {
    write(r, "");
    assertEquals(List.of(r.id()), ids(scan("findings")));
  }

  @ParameterizedTest
  @MethodSource("renames")
  void anInlineSuppressionOfTheFormerIdHolds(Rename r) throws IOException {
    write(r, "# spofscan:ignore " + r.formerId() + " accepted for this test");
    assertEquals(List.of(), scan("findings"));
    assertEquals(List.of(r.id()), ids(scan("suppressed")));
  }

  @ParameterizedTest
  @MethodSource("renames")
  void configurationAcceptsTheFormerId(Rename r) throws IOException {
    write(r, "");
    Files.writeString(repo.resolve(".spofscan.yml"), "rules:\n  " + r.formerId() + ": off\n");
    assertEquals(List.of(), scan("findings"));
    Files.writeString(repo.resolve(".spofscan.yml"), "rules:\n  " + r.formerId() + ": low\n");
    assertEquals("low", scan("findings").get(0).get("severity").asText());
    Files.writeString(repo.resolve(".spofscan.yml"), """
        ignore:
          - rule: %s
            resource: %s
            reason: accepted for this test
        """.formatted(r.formerId(), r.resource()));
    assertEquals(List.of(), scan("findings"));
  }

  @ParameterizedTest
  @MethodSource("renames")
  void checkAndSkipCheckAcceptTheFormerId(Rename r) throws IOException {
    write(r, "");
    assertEquals(List.of(r.id()), ids(scan("findings", "--check", r.formerId())));
    assertEquals(List.of(), scan("findings", "--skip-check", r.formerId()));
  }

  @ParameterizedTest
  @MethodSource("renames")
  void aBaselineEntryOfTheFormerIdAcceptsTheFinding(Rename r) throws IOException {
    write(r, "");
    String path = "src/" + r.file();
    Files.writeString(repo.resolve("baseline.json"), """
        {"version": 1, "findings": [
          {"fingerprint": "%s", "ruleId": "%s", "path": "%s", "resource": "%s"}]}
        """.formatted(Analyzer.fingerprint(r.formerId(), path, r.resource()), r.formerId(), path, r.resource()));
    assertEquals(List.of(), scan("findings", "--baseline", "baseline.json"));
  }
}
