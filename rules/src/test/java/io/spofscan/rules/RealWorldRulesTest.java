package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every built-in rule over the third-party corpus (skipped when it is absent): no rule may fail on real code, and
 * the finding counts per rule are printed so noise can be judged.
 */
class RealWorldRulesTest {

  /** One repository in SAMPLE is scanned by default. */
  private static final int SAMPLE = 10;

  private static String repository(SourceFile f) {
    int slash = f.displayPath().indexOf('/');
    return slash < 0 ? f.displayPath() : f.displayPath().substring(0, slash);
  }

  @Test
  void rulesNeverFailOnRealWorldFiles() throws Exception {
    String prop = System.getProperty("spofscan.realworld");
    assumeTrue(prop != null && Files.isDirectory(Path.of(prop)), "real-world corpus not present");
    Path root = Path.of(prop).toRealPath();
    // A fixed sample of whole repositories keeps the test fast; -Dspofscan.realworld.full=true takes them all.
    boolean full = Boolean.getBoolean("spofscan.realworld.full");
    List<SourceFile> files = new FileWalker(root).walk(List.of(root)).files().stream()
        .filter(f -> !f.displayPath().startsWith("_malformed/"))
        .filter(f -> full || Math.floorMod(repository(f).hashCode(), SAMPLE) == 0)
        .toList();
    long start = System.nanoTime();
    Model model = Parsers.parse(files, ScanOptions.defaults());
    long parsed = System.nanoTime();
    Analyzer.Analysis analysis = new Analyzer(BuiltInRules.ALL).analyze(model);
    long analysed = System.nanoTime();

    Map<String, int[]> perRule = new TreeMap<>();
    for (Finding f : analysis.findings()) {
      perRule.computeIfAbsent(f.ruleId(), k -> new int[2])[f.certain() ? 0 : 1]++;
    }
    System.out.printf("real-world: %d files, %d resources, parse %d ms, rules %d ms, %d findings%n", files.size(),
        model.resources().size(), (parsed - start) / 1_000_000, (analysed - parsed) / 1_000_000,
        analysis.findings().size());
    perRule.forEach((id, n) -> System.out.printf("  %-15s %5d certain %5d uncertain%n", id, n[0], n[1]));

    String dump = System.getProperty("spofscan.realworld.dump");
    if (dump != null && !dump.isBlank()) {
      StringBuilder sb = new StringBuilder();
      for (Finding f : analysis.findings()) {
        sb.append(f.location()).append(' ').append(f.ruleId()).append(f.certain() ? " " : " (uncertain) ")
            .append(f.message()).append('\n');
      }
      Files.writeString(Path.of(dump), sb);
    }

    List<String> ruleFailures = analysis.diagnostics().stream()
        .filter(d -> d.level() == Diagnostic.Level.ERROR && d.location().path().equals("<rules>"))
        .map(Diagnostic::message)
        .toList();
    assertEquals(List.of(), ruleFailures);
  }
}
