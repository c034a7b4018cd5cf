package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File context through the real CLI: labels in every report, tests skipped by default, flags and configuration. */
class ContextEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path repo;

  private static String deployment(String name) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: shop}
        spec:
          replicas: 1
          template: {spec: {containers: [{name: c, image: c:1}]}}
        """.formatted(name);
  }

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    for (String dir : new String[] {"deploy", "examples/shop", "test/fixtures", "blueprints"}) {
      Files.createDirectories(repo.resolve(dir));
    }
    Files.writeString(repo.resolve("deploy/web.yaml"), deployment("web"));
    Files.writeString(repo.resolve("examples/shop/cart.yaml"), deployment("cart"));
    Files.writeString(repo.resolve("test/fixtures/fixture.yaml"), deployment("fixture"));
    Files.writeString(repo.resolve("blueprints/blue.yaml"), deployment("blue"));
  }

  /** Context of each file with a finding, by path. */
  private static TreeMap<String, String> contexts(JsonNode report) {
    TreeMap<String, String> out = new TreeMap<>();
    report.get("findings").forEach(f -> out.put(f.get("location").get("path").asText(), f.get("context").asText()));
    return out;
  }

  private static JsonNode scan(Path cwd, String... args) throws IOException {
    String[] all = new String[args.length + 5];
    all[0] = "scan";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "-f";
    all[args.length + 2] = "json";
    all[args.length + 3] = "--fail-on";
    all[args.length + 4] = "none";
    CliProcess.Result r = CliProcess.run(cwd, all);
    assertEquals(0, r.exit(), r.toString());
    return JSON.readTree(r.out());
  }

  @Test
  void testFilesAreSkippedByDefaultWithACountAndExamplesAreLabelled() throws IOException {
    JsonNode report = scan(repo, ".");
    assertEquals("{blueprints/blue.yaml=production, deploy/web.yaml=production, examples/shop/cart.yaml=example}",
        contexts(report).toString());
    assertEquals(1, report.get("summary").get("skippedFiles").get("test").asInt());
    assertEquals(3, report.get("summary").get("files").asInt());

    CliProcess.Result text = CliProcess.run(repo, "scan", ".", "--fail-on", "none");
    assertTrue(text.out().contains("skipped 1 test file; --include-tests scans them\n"), text.toString());
    assertTrue(text.out().contains("examples/shop/cart.yaml  (example)\n"), text.toString());
    assertTrue(text.out().contains("\ndeploy/web.yaml\n"), "production files carry no label: " + text);

    CliProcess.Result sarif = CliProcess.run(repo, "scan", ".", "-f", "sarif", "--fail-on", "none");
    JsonNode results = JSON.readTree(sarif.out()).get("runs").get(0).get("results");
    TreeMap<String, String> bySarif = new TreeMap<>();
    results.forEach(r -> bySarif.put(r.get("locations").get(0).get("physicalLocation").get("artifactLocation")
        .get("uri").asText(), r.get("properties").get("spofscanContext").asText()));
    assertEquals(contexts(report), bySarif);

    CliProcess.Result md = CliProcess.run(repo, "scan", ".", "-f", "markdown", "--fail-on", "none");
    assertTrue(md.out().contains("cart.yaml:5](examples/shop/cart.yaml#L5) (example)"), md.toString());
  }

  @Test
  void flagsIncludeTestsAndSkipContexts() throws IOException {
    assertEquals("test", contexts(scan(repo, ".", "--include-tests")).get("test/fixtures/fixture.yaml"));
    JsonNode noExamples = scan(repo, ".", "--skip-context", "example");
    assertEquals("{blueprints/blue.yaml=production, deploy/web.yaml=production}", contexts(noExamples).toString());
    assertEquals("{\"example\":1,\"test\":1}", noExamples.get("summary").get("skippedFiles").toString());

    CliProcess.Result both = CliProcess.run(repo, "scan", ".", "--include-tests", "--skip-context", "test");
    assertEquals(2, both.exit(), both.toString());
    CliProcess.Result bad = CliProcess.run(repo, "scan", ".", "--skip-context", "staging");
    assertEquals(2, bad.exit(), bad.toString());
  }

  @Test
  void theScanRootIsNeverJudgedByTheFoldersAboveIt() throws IOException {
    // scanning a fixture folder on its own is asking for it: its findings are reported
    assertEquals("{test/fixtures/fixture.yaml=production}", contexts(scan(repo, "test/fixtures")).toString());
    assertEquals("{test/fixtures/fixture.yaml=production}", contexts(scan(repo.resolve("test"), "fixtures"))
        .toString());
  }

  @Test
  void theConfigurationSetsContextsAndGlobs() throws IOException {
    Files.writeString(repo.resolve(".spofscan.yml"), """
        context:
          include-tests: true
          skip: [example]
          example-paths: [blueprints]
          production-paths: [examples/shop]
        """);
    JsonNode report = scan(repo, ".");
    assertEquals("{deploy/web.yaml=production, examples/shop/cart.yaml=production, "
        + "test/fixtures/fixture.yaml=test}", contexts(report).toString());
    assertEquals("{\"example\":1}", report.get("summary").get("skippedFiles").toString());

    Files.writeString(repo.resolve(".spofscan.yml"), "context:\n  skip-tests: true\n");
    CliProcess.Result typo = CliProcess.run(repo, "scan", ".");
    assertEquals(2, typo.exit(), typo.toString());
    assertTrue(typo.err().contains("unknown key 'skip-tests'"), typo.toString());
  }
}
