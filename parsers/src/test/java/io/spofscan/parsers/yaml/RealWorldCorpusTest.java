package io.spofscan.parsers.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.documents.DocumentParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parse rates and positions on third-party templates and manifests; skipped when the corpus is not present. */
class RealWorldCorpusTest {
  /**
   * Rejected by Go's YAML library but valid YAML 1.1 (the flow item {@code 001:db8::} is a plain string for
   * SnakeYAML and PyYAML alike), so a YAML 1.1 reader has nothing to report.
   */
  private static final Set<String> VALID_YAML_11 = Set.of(
      "istio__istio/pkg/config/validation/testdata/crds/serviceentry-valid.yaml");

  private static Path corpus() {
    String where = System.getProperty("spofscan.realworld");
    assumeTrue(where != null && Files.isRegularFile(Path.of(where, "files.tsv")), "real-world corpus not present");
    return Path.of(where);
  }

  @Test
  @Timeout(300)
  void cloudFormationAndKubernetesParseAtTheRequiredRatesWithCorrectPositions() throws IOException {
    for (CorpusRates.Rate r : CorpusRates.measure(corpus())) {
      System.out.printf("%s: %d/%d files (%.2f%%), %d resources, %d misplaced, %d ms%n", r.framework(), r.parsed(),
          r.files(), 100 * r.rate(), r.resources(), r.misplaced(), r.millis());
      r.failures().forEach((file, why) -> System.out.println("  " + file + ": " + why));
      double required = r.framework().equals("cloudformation") ? 0.995 : 0.999;
      assertTrue(r.files() > 100, "corpus has " + r.framework() + " files");
      assertTrue(r.rate() >= required, r.framework() + " parse rate " + r.rate() + " below " + required);
      assertEquals(0, r.misplaced(), r.framework() + " resources whose range is not their id / first key");
    }
  }

  @Test
  @Timeout(120)
  void everyMalformedFileGivesADiagnosticAndNoCrash() throws IOException {
    Path malformed = corpus().resolve("_malformed");
    List<String> rows = Files.readAllLines(malformed.resolve("rejects.tsv"), StandardCharsets.UTF_8);
    List<String> silent = new ArrayList<>();
    Map<String, Integer> causes = new TreeMap<>();
    int checked = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t");
      String local = cols[0].replace('/', '_').replaceFirst("_", "__") + "/" + cols[2];
      Path file = malformed.resolve(local);
      if (!Files.isRegularFile(file)) {
        file = malformed.resolve(cols[0].replace("/", "__")).resolve(cols[2]);
      }
      assumeTrue(Files.isRegularFile(file), "missing " + file);
      long start = System.nanoTime();
      Model m = new DocumentParser(ScanOptions.defaults()).parse(List.of(new SourceFile(file, local, malformed)));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "slow on " + local);
      checked++;
      if (m.diagnostics().isEmpty()) {
        if (!VALID_YAML_11.contains(local)) {
          silent.add(local + " (" + cols[3] + ")");
        }
      } else {
        String message = m.diagnostics().get(0).message();
        causes.merge(m.diagnostics().get(0).level() + " " + message.replaceAll("[:(].*", ""), 1, Integer::sum);
      }
    }
    System.out.println(checked + " malformed files; first diagnostic by kind: " + causes + "; silent: " + silent);
    assertTrue(checked > 50, "rejects.tsv lists the malformed files");
    assertEquals(List.of(), silent, "malformed files that gave no diagnostic");
  }
}
