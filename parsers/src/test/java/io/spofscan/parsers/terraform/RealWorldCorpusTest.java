package io.spofscan.parsers.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Parse rate over the shared real-world corpus (skipped when the corpus is absent). */
class RealWorldCorpusTest {

  @Test
  void parsesAtLeast99Point5PercentAndPlacesEveryResourceOnItsHeader() throws Exception {
    String where = System.getProperty("spofscan.realworld", "");
    assumeTrue(!where.isEmpty() && Files.isDirectory(Path.of(where)), "real-world corpus not available");
    CorpusMeasure.Result r = CorpusMeasure.measure(Path.of(where));
    assumeTrue(r.files() > 0, "no Terraform files in the corpus");
    System.out.printf("Terraform parse rate %.2f%% (%d/%d), degraded %d, causes %s%n", 100 * r.rate(),
        r.files() - r.failed(), r.files(), r.warnings().size(), r.causes());
    r.failures().forEach(f -> System.out.println("  " + f));
    assertTrue(r.rate() >= 0.995, "parse rate " + r.rate() + " below 99.5%: " + r.failures());
    assertTrue(r.misplaced().isEmpty(), "resources not on their header line: " + r.misplaced());
  }
}
