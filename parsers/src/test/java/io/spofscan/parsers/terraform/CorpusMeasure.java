package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the Terraform parse rate over a folder of real-world files: every .tf, .tfvars and .tf.json file outside
 * {@code _malformed/}, each parsed on its own. A file counts as parsed when it yields no ERROR diagnostic. Also checks
 * that every resource's line holds its keyword and type. Run: {@code java -cp ... CorpusMeasure <folder>}.
 */
public final class CorpusMeasure {
  private CorpusMeasure() {}

  /** Files read, files with an ERROR, failure causes, resources whose line does not show their header. */
  public record Result(int files, int failed, Map<String, Integer> causes, List<String> failures,
      List<String> misplaced, int resources, List<String> warnings) {
    public double rate() {
      return files == 0 ? 1.0 : (files - failed) / (double) files;
    }
  }

  public static Result measure(Path corpus) throws IOException {
    List<SourceFile> all = new FileWalker(corpus).walk(List.of(corpus)).files();
    int files = 0;
    int failed = 0;
    int resources = 0;
    Map<String, Integer> causes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> misplaced = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (SourceFile f : all) {
      String name = f.fileName().toLowerCase();
      if (f.displayPath().startsWith("_malformed/") || !(name.endsWith(".tf") || name.endsWith(".tfvars")
          || name.endsWith(".tf.json"))) {
        continue;
      }
      files++;
      // One file at a time, as its own module: the rate is per file, and module calls are not followed.
      long t0 = System.nanoTime();
      Model m = new TerraformParser(ScanOptions.defaults()).parseFilesOnly(List.of(f));
      long took = (System.nanoTime() - t0) / 1_000_000;
      if (took > 300 && Boolean.getBoolean("spofscan.slow")) {
        System.out.println("slow " + took + " ms " + f.displayPath());
      }
      List<Diagnostic> errors = m.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
      for (Diagnostic d : m.diagnostics()) {
        if (d.level() == Diagnostic.Level.WARNING) {
          warnings.add(d.location() + " " + d.message());
        }
      }
      if (!errors.isEmpty()) {
        failed++;
        String cause = errors.get(0).message().replaceAll("line \\d+", "line N").replaceAll("'.'", "'?'");
        causes.merge(cause.length() > 90 ? cause.substring(0, 90) : cause, 1, Integer::sum);
        failures.add(errors.get(0).location() + " " + errors.get(0).message());
      }
      if (name.endsWith(".tf")) {
        List<String> lines = Files.readAllLines(f.file());
        for (Resource r : m.resources()) {
          resources++;
          String keyword = r.type().equals("module") ? "module" : r.type().startsWith("data.") ? "data" : "resource";
          String type = r.type().startsWith("data.") ? r.type().substring(5) : r.type();
          String line = r.range().line() <= lines.size() ? lines.get(r.range().line() - 1) : "";
          String at = line.length() >= r.range().column() ? line.substring(r.range().column() - 1) : "";
          if (!at.startsWith(keyword) || (!keyword.equals("module") && !at.contains(type))) {
            misplaced.add(r.range() + " " + r.address());
          }
        }
      }
    }
    return new Result(files, failed, causes, failures, misplaced, resources, warnings);
  }

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/realworld");
    long start = System.nanoTime();
    Result r = measure(corpus);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Terraform files: %d, parsed: %d, failed: %d, rate: %.2f%%, %d ms%n", r.files(),
        r.files() - r.failed(), r.failed(), 100 * r.rate(), ms);
    System.out.printf("resources: %d, resource lines not showing their header: %d%n", r.resources(),
        r.misplaced().size());
    r.causes().forEach((cause, n) -> System.out.printf("%5d  %s%n", n, cause));
    r.failures().forEach(f -> System.out.println("  " + f));
    System.out.printf("warnings (degraded reads): %d%n", r.warnings().size());
    r.warnings().stream().limit(40).forEach(w -> System.out.println("  warning " + w));
    r.misplaced().stream().limit(20).forEach(f -> System.out.println("  misplaced " + f));
  }
}
