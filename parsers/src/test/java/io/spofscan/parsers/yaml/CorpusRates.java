package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.documents.DocumentParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the document parser on a corpus laid out as {@code files.tsv} (framework, path, ...) describes: the share
 * of CloudFormation and Kubernetes files read without an error, and whether every resource's range points at its
 * logical id (CloudFormation) or its document's first key (Kubernetes). Usage: {@code CorpusRates <corpus dir>}.
 */
public final class CorpusRates {

  /** Results for one framework. */
  public record Rate(String framework, int files, int parsed, int resources, int misplaced,
      Map<String, String> failures, long millis) {
    public double rate() {
      return files == 0 ? 1.0 : parsed / (double) files;
    }
  }

  private CorpusRates() {}

  public static List<Rate> measure(Path corpus) throws IOException {
    List<String> lines = Files.readAllLines(corpus.resolve("files.tsv"), StandardCharsets.UTF_8);
    List<Rate> rates = new ArrayList<>();
    for (String framework : List.of("cloudformation", "kubernetes")) {
      int files = 0;
      int parsed = 0;
      int resources = 0;
      int misplaced = 0;
      Map<String, String> failures = new TreeMap<>();
      long start = System.nanoTime();
      for (String line : lines.subList(1, lines.size())) {
        String[] cols = line.split("\t");
        if (cols.length < 2 || !cols[0].equals(framework) || cols[1].startsWith("_malformed/")) {
          continue;
        }
        files++;
        Path file = corpus.resolve(cols[1]);
        Model model = new DocumentParser(ScanOptions.defaults()).parse(List.of(new SourceFile(file, cols[1], corpus)));
        List<Diagnostic> errors = model.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR)
            .toList();
        if (errors.isEmpty()) {
          parsed++;
        } else {
          Diagnostic first = errors.get(0);
          failures.put(cols[1], first.location().line() + ":" + first.location().column() + " " + first.message());
        }
        resources += model.resources().size();
        Map<String, List<String>> texts = new TreeMap<>();
        for (Resource r : model.resources()) {
          // nested stacks put resources in their own file
          List<String> text = texts.computeIfAbsent(r.path(), p -> readLines(corpus.resolve(p)));
          if (!placedRight(r, text)) {
            misplaced++;
            failures.putIfAbsent(cols[1] + " [position]", r.address() + " at " + r.range());
          }
        }
      }
      rates.add(new Rate(framework, files, parsed, resources, misplaced, failures,
          (System.nanoTime() - start) / 1_000_000));
    }
    return rates;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The resource's line holds its logical id (CloudFormation) or its first key (Kubernetes) at its column. */
  static boolean placedRight(Resource r, List<String> text) {
    int line = r.range().line();
    if (line > text.size()) {
      return false;
    }
    String at = text.get(line - 1);
    int col = r.range().column() - 1;
    if (col > at.length()) {
      return false;
    }
    String rest = at.substring(col).replaceFirst("^[\"']", "");
    if (r.format() == Format.CLOUDFORMATION) {
      String id = r.address().substring(r.address().lastIndexOf('/') + 1);
      if (rest.startsWith(id)) {
        return true;
      }
      // a resource made by Fn::ForEach sits at the loop's output key, e.g. "Topic${Name}"
      int colon = rest.indexOf(':');
      String key = (colon < 0 ? rest : rest.substring(0, colon)).replaceAll("[\"']", "").trim();
      List<String> parts = new ArrayList<>();
      for (String part : key.split("[$&]\\{[^}]*\\}", -1)) {
        parts.add(java.util.regex.Pattern.quote(part));
      }
      String pattern = String.join(".*", parts);
      return key.matches(".*[$&]\\{.*") && id.matches(pattern);
    }
    String firstKey = r.body().entries().keySet().stream().findFirst().orElse("");
    return rest.startsWith(firstKey) || rest.startsWith("{") || rest.startsWith("- ");
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CorpusRates <corpus dir with files.tsv>");
      System.exit(2);
    }
    for (Rate r : measure(Path.of(args[0]))) {
      System.out.printf(Locale.ROOT, "%-15s files %5d parsed %5d (%.2f%%) resources %6d misplaced %d in %d ms%n",
          r.framework(), r.files(), r.parsed(), 100 * r.rate(), r.resources(), r.misplaced(), r.millis());
      r.failures().forEach((file, why) -> System.out.println("  " + file + ": " + why));
    }
  }
}
