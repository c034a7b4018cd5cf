package io.spofscan.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Runs the real command line in a child JVM (the test's class path, default heap and stack), so a hang, an
 * {@link Error}, {@code System.exit} or stray stdout from any layer is seen exactly as a user would see it.
 */
final class Cli {
  /** A safety net against hangs, not a benchmark. */
  static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("hardening.timeoutSeconds", 60));
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  record Run(List<String> command, int exit, String stdout, String stderr) {
    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("stdout is not one JSON document (" + e.getMessage() + ")\n" + this, e);
      }
    }

    @Override
    public String toString() {
      return "command: " + String.join(" ", command) + "\nexit: " + exit + "\nstderr:\n" + clip(stderr)
          + "\nstdout:\n" + clip(stdout);
    }

    private static String clip(String s) {
      return s.length() > 4000 ? s.substring(0, 4000) + "\n[... " + (s.length() - 4000) + " more chars]" : s;
    }
  }

  static Run scanJson(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", dir.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    return run(List.of(), args, dir);
  }

  /** Runs {@code java <jvmOptions> -cp <test class path> io.spofscan.cli.Main <args>} in {@code workDir}. */
  static Run run(List<String> jvmOptions, List<String> args, Path workDir) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.spofscan.cli.Main");
    command.addAll(args);
    try {
      Path out = Files.createTempFile("spofscan-cli", ".out");
      Path err = Files.createTempFile("spofscan-cli", ".err");
      try {
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          fail("spofscan did not finish within " + TIMEOUT.toSeconds() + " s: " + String.join(" ", args)
              + "\nstderr so far:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(command.subList(command.size() - args.size() - 1, command.size()), p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  // ---- assertions shared by the hostile-input tests ----

  /** Exit 0 (no findings) or 1 (findings), stdout one JSON document, no stack trace anywhere. */
  static JsonNode assertCompletedNormally(Run run) {
    assertTrue(Set.of(0, 1).contains(run.exit()), "exit code must be 0 or 1\n" + run);
    assertNoStackTrace(run);
    return run.json();
  }

  static void assertNoStackTrace(Run run) {
    for (String stream : List.of(run.stdout(), run.stderr())) {
      assertFalse(stream.contains("\n\tat ") || stream.contains("Exception in thread")
          || stream.contains("StackOverflowError") || stream.contains("OutOfMemoryError"),
          "a stack trace or JVM error reached the user\n" + run);
    }
  }

  static List<JsonNode> diagnostics(JsonNode report) {
    return list(report.path("diagnostics"));
  }

  static List<JsonNode> findings(JsonNode report) {
    return list(report.path("findings"));
  }

  static List<JsonNode> diagnosticsFor(JsonNode report, String path) {
    return diagnostics(report).stream().filter(d -> path.equals(d.path("location").path("path").asText())).toList();
  }

  /** A diagnostic names {@code path}; returns it. */
  static JsonNode assertDiagnostic(JsonNode report, String path, Run run) {
    return assertDiagnostic(report, path, d -> true, "any", run);
  }

  static JsonNode assertDiagnostic(JsonNode report, String path, Predicate<JsonNode> which, String what, Run run) {
    return diagnosticsFor(report, path).stream().filter(which).findFirst().orElseThrow(() -> new AssertionError(
        "expected a diagnostic (" + what + ") naming " + path + "\n" + run));
  }

  /** The neighbour's finding survived whatever the hostile file did. */
  static void assertFinding(JsonNode report, String ruleId, String path, Run run) {
    assertTrue(findings(report).stream().anyMatch(f -> ruleId.equals(f.path("ruleId").asText())
        && path.equals(f.path("location").path("path").asText())),
        "expected " + ruleId + " in " + path + "\n" + run);
  }

  static void assertNoFindingIn(JsonNode report, String path, Run run) {
    assertTrue(findings(report).stream().noneMatch(f -> f.path("location").path("path").asText().startsWith(path)),
        "nothing under " + path + " may be reported\n" + run);
  }

  static int line(JsonNode diagnostic) {
    return diagnostic.path("location").path("line").asInt();
  }

  static void assertLine(JsonNode diagnostic, int expected, Run run) {
    assertEquals(expected, line(diagnostic), "diagnostic line of " + diagnostic + "\n" + run);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
