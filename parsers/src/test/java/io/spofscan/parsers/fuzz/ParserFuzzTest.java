package io.spofscan.parsers.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A short, bounded, reproducible mutation-fuzzing campaign per parser entry, seeded with testdata/fuzz/seeds.
 * Defaults keep it to a few seconds per target in the normal build; a longer campaign runs on demand:
 * {@code mvn -B -pl parsers -am test -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfuzz.seconds=600 -Dfuzz.execs=100000000 -Dfuzz.seed=42} (add {@code -Dfuzz.only=TERRAFORM,YAML} to pick
 * targets). Failing inputs are written to
 * {@code parsers/target/fuzz-failures/}; a fixed one goes to testdata/fuzz/regressions/ (see {@link RegressionCorpusTest}).
 */
class ParserFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
  private static final long SECONDS = Long.getLong("fuzz.seconds", 10L);
  private static final long EXECS = Long.getLong("fuzz.execs", 1_500L);
  private static final Duration PER_INPUT = Duration.ofSeconds(Long.getLong("fuzz.inputSeconds", 10L));
  /** Comma-separated {@link Target} names to run (default: all). */
  private static final String ONLY = System.getProperty("fuzz.only", "");

  /** One entry per parser input kind: file name the input is written to, seed folder, dictionary. */
  enum Target {
    TERRAFORM("main.tf", "terraform", List.of("resource \"aws_db_instance\" \"x\" {", "variable \"v\" {", "<<EOF\n",
        "<<-EOT\n", "\nEOF\n", "var.x", "count = ", "for_each = ", "dynamic \"d\" {", "content {", "module \"m\" {",
        "locals {", "[for x in y : x]", "{for k, v in m : k => v}", "? true : false", "/*", "*/", "//", "#",
        "regexall(\"(.*a){15}b\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")", "data.http.x.body", "${var.x}",
        "%{ if x }", "%{ endif }", "~}", "...", "\\\"", "= =", "\"a\" = 1", "format(\"%999999999s\", \"a\")",
        "concat(local.a, local.a)", "join(\"\", [local.a, local.a])", "\"${local.a}${local.a}\"", "toset(", "lookup(",
        "element(", "merge(", "tonumber(\"1e999999\")", "max(", "length(")),
    TERRAFORM_JSON("main.tf.json", "terraform-json", List.of("{\"resource\":", "{\"variable\":", "\"${var.x}\"",
        "\"multi_az\":", "\"count\":", "[]", "{}", "\"//\":")),
    YAML("template.yaml", "yaml", List.of("&a ", "*a", "<<: *a", "!Ref ", "!GetAtt ", "!Sub ", "!If ", "!Join ",
        "Fn::If:", "Ref:", "Condition: ", "Conditions:", "Resources:", "Parameters:", "---\n", "...\n", "? ", "|\n",
        ">-\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "!!binary ", "!!str ", "kind: Deployment\n",
        "apiVersion: apps/v1\n", "replicas: ", "\t", "'", "  ", "- - - ")),
    JSON("template.json", "json", List.of("{\"Resources\":", "{\"Ref\":", "{\"Fn::GetAtt\":", "{\"Fn::If\":",
        "\"Type\":", "\"AWS::RDS::DBInstance\"", "\"Properties\":", "\"MultiAZ\":", "\"kind\":", "\\ud800", "1.0e",
        "[]", "{}", ",,", "\"apiVersion\":"));

    final String fileName;
    final String seedDir;
    final List<String> tokens;

    Target(String fileName, String seedDir, List<String> tokens) {
      this.fileName = fileName;
      this.seedDir = seedDir;
      this.tokens = tokens;
    }
  }

  static Path fuzzData() {
    String testdata = System.getProperty("spofscan.testdata");
    assumeTrue(testdata != null && Files.isDirectory(Paths.get(testdata, "fuzz")), "testdata/fuzz not found");
    return Paths.get(testdata, "fuzz");
  }

  static List<byte[]> seeds(Target target) throws IOException {
    Path dir = fuzzData().resolve("seeds").resolve(target.seedDir);
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void parsersSurviveMutatedInputs(Target target, @TempDir Path tmp) throws Exception {
    assumeTrue(ONLY.isBlank() || List.of(ONLY.split(",")).contains(target.name()), "not selected by -Dfuzz.only");
    List<byte[]> corpus = seeds(target);
    assertFalse(corpus.isEmpty(), "no seeds for " + target);
    Mutator mutator = new Mutator(SEED ^ target.ordinal(), corpus, target.tokens);
    List<String> failures = new ArrayList<>();
    long execs = 0;
    long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    try (ParseHarness harness = new ParseHarness(tmp, PER_INPUT)) {
      for (byte[] seed : corpus) { // the seeds themselves must pass first
        record(harness.check(target.fileName, seed), seed, target, failures);
        execs++;
      }
      while (execs < EXECS && System.nanoTime() < end && failures.size() < 5) {
        byte[] input = mutator.next();
        record(harness.check(target.fileName, input), input, target, failures);
        execs++;
      }
    }
    System.out.printf("fuzz %s: %d executions, %d failures (seed %d)%n", target, execs, failures.size(), SEED);
    if (!failures.isEmpty()) {
      fail(target + ": " + failures.size() + " failing inputs\n" + String.join("\n\n", failures));
    }
  }

  private static void record(Optional<String> violation, byte[] input, Target target, List<String> failures)
      throws IOException {
    if (violation.isEmpty()) {
      return;
    }
    Path dir = Paths.get("target", "fuzz-failures");
    Files.createDirectories(dir);
    String name = target.name().toLowerCase(java.util.Locale.ROOT) + "-" + sha(input) + "-" + target.fileName;
    Files.write(dir.resolve(name), input);
    String preview = new String(input, 0, Math.min(input.length, 160), StandardCharsets.UTF_8);
    failures.add(violation.get() + "\n  input saved as " + dir.resolve(name).toAbsolutePath()
        + " (" + input.length + " bytes), starts: " + preview.replaceAll("\\p{Cntrl}", "?"));
  }

  private static String sha(byte[] input) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
