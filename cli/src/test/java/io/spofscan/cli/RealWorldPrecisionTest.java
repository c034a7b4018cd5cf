package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision as a number a test checks: the hand-judged sample of real-world findings in
 * {@code testdata/realworld-labels.tsv} is compared with what {@code spofscan scan} reports over the third-party
 * corpus, as a user runs it (skipped when the corpus is absent). Every real SPOF (TP) must still be reported as a
 * certain finding, and no false alarm (FP) may be; DEBATABLE cases are printed, never asserted.
 */
class RealWorldPrecisionTest {
  private static final Path TESTDATA = Path.of(System.getProperty("spofscan.testdata", "../testdata"));

  /** One judged finding. */
  record Label(String path, int line, String rule, String verdict, String reason) {
    String key() {
      return path + ":" + line + " " + rule;
    }
  }

  static List<Label> labels() throws IOException {
    List<Label> out = new ArrayList<>();
    for (String line : Files.readAllLines(TESTDATA.resolve("realworld-labels.tsv"))) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("path\t")) {
        continue;
      }
      String[] f = line.split("\t", 5);
      out.add(new Label(f[0], Integer.parseInt(f[1]), f[2], f[3], f.length > 4 ? f[4] : ""));
    }
    return out;
  }

  /** Old rule ids (aliases) resolve to the rule that reports them today. */
  static Map<String, String> canonicalIds() {
    Map<String, String> ids = new HashMap<>();
    for (var rule : BuiltInRules.ALL) {
      RuleMeta meta = rule.meta();
      ids.put(meta.id(), meta.id());
      for (String alias : meta.aliases()) {
        ids.put(alias, meta.id());
      }
    }
    return ids;
  }

  @Test
  void judgedRealWorldFindingsStayJudged(@TempDir Path tmp) throws Exception {
    String corpus = System.getProperty("spofscan.realworld");
    assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus)), "real-world corpus not present");
    Path report = tmp.resolve("report.json");
    int exit = Main.run("scan", "--format", "json", "-o", report.toString(), "--soft-fail", corpus);
    assertEquals(Main.OK, exit, "the scan itself must succeed");

    Map<String, String> canonical = canonicalIds();
    Set<String> certain = new HashSet<>();
    for (JsonNode f : new ObjectMapper().readTree(report.toFile()).path("findings")) {
      if (f.path("certain").asBoolean()) {
        JsonNode at = f.path("location");
        certain.add(at.path("path").asText() + ":" + at.path("line").asInt() + " " + f.path("ruleId").asText());
      }
    }

    Map<String, int[]> perRule = new TreeMap<>(); // TP kept, TP lost, FP gone, FP left, debatable
    List<String> wrong = new ArrayList<>();
    for (Label label : labels()) {
      String rule = canonical.getOrDefault(label.rule(), label.rule());
      boolean reported = certain.contains(label.path() + ":" + label.line() + " " + rule);
      int[] n = perRule.computeIfAbsent(rule, k -> new int[5]);
      switch (label.verdict()) {
        case "TP" -> {
          n[reported ? 0 : 1]++;
          if (!reported) {
            wrong.add("real SPOF no longer reported: " + label.key() + " (" + label.reason() + ")");
          }
        }
        case "FP" -> {
          n[reported ? 3 : 2]++;
          if (reported) {
            wrong.add("false alarm still reported: " + label.key() + " (" + label.reason() + ")");
          }
        }
        case "DEBATABLE" -> n[4]++;
        default -> wrong.add("unknown verdict " + label.verdict() + " for " + label.key());
      }
    }
    System.out.println("real-world precision over the judged sample (certain findings):");
    System.out.printf("  %-20s %5s %5s %5s %5s %5s %9s%n", "rule", "TP", "lost", "FPgone", "FP", "debat", "precision");
    int tp = 0;
    int fp = 0;
    for (var e : perRule.entrySet()) {
      int[] n = e.getValue();
      tp += n[0];
      fp += n[3];
      System.out.printf("  %-20s %5d %5d %5d %5d %5d %9s%n", e.getKey(), n[0], n[1], n[2], n[3], n[4],
          precision(n[0], n[3]));
    }
    System.out.printf("  %-20s %5d %5s %5s %5d %5s %9s%n", "all", tp, "", "", fp, "", precision(tp, fp));
    assertEquals("", String.join("\n", wrong));
  }

  private static String precision(int tp, int fp) {
    return tp + fp == 0 ? "-" : String.format("%.0f%%", 100.0 * tp / (tp + fp));
  }
}
