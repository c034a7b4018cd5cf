package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under testdata/{terraform,cloudformation,kubernetes}/RULE-ID/ through the parsers and ONLY the
 * rule its folder names, and compares the findings with the file's markers ({@code # expect: ID},
 * {@code # expect-unknown: ID}, or a JSON file's {@code .expect} sidecar): missing and unexpected findings both fail.
 * A marker may end with a quoted key phrase ({@code # expect: SPOF-RDS-001 "runs in one Availability Zone"}) that
 * the finding's message must contain, so a finding for the wrong reason fails too.
 */
class FixtureTest {

  /** Whether a format's parser produces anything at all yet (it is developed in parallel). */
  private static final Map<String, Boolean> PARSER_READY = new ConcurrentHashMap<>();

  static Stream<Fixtures.Case> cases() {
    return Fixtures.all().stream();
  }

  static Model parse(Fixtures.Case c) {
    List<SourceFile> files = c.files().stream()
        .map(f -> new SourceFile(f, Fixtures.display(f), Fixtures.root()))
        .toList();
    return Parsers.parse(files, ScanOptions.defaults());
  }

  private static boolean parserReady(String format) {
    return PARSER_READY.computeIfAbsent(format, f -> Fixtures.ofFormat(f).stream()
        .anyMatch(c -> !parse(c).resources().isEmpty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findingsMatchMarkers(Fixtures.Case c) {
    Rule rule = BuiltInRules.byId(c.ruleId()).orElse(null);
    assertTrue(rule != null, "folder " + c.ruleId() + " names no built-in rule");
    Model model = parse(c);
    assumeTrue(!model.resources().isEmpty() || !model.diagnostics().isEmpty() || parserReady(c.format()),
        "the " + c.format() + " parser produces no resources yet");

    List<String> errors = model.diagnostics().stream()
        .filter(d -> d.level() == Diagnostic.Level.ERROR)
        .map(d -> d.location() + " " + d.message())
        .toList();
    assertEquals(List.of(), errors, "a fixture must parse without errors");
    assertFalse(model.resources().isEmpty(), "fixture produced no resources");

    Analyzer.Analysis analysis = new Analyzer(List.of(rule)).analyze(model);
    assertEquals(List.of(), analysis.diagnostics().stream()
        .filter(d -> d.level() == Diagnostic.Level.ERROR).map(Diagnostic::toString).toList(), "rule failed");
    List<String> actual = analysis.findings().stream().map(f -> key(c, f)).sorted().toList();
    assertEquals(Fixtures.expected(c), actual, () -> "findings of " + c + ":\n" + describe(analysis.findings()));
    for (Fixtures.Expected e : Fixtures.expectedFindings(c)) {
      e.phrase().ifPresent(phrase -> {
        List<String> messages = analysis.findings().stream().filter(f -> key(c, f).equals(e.key()))
            .map(Finding::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains(phrase)),
            () -> c + " " + e.key() + ": no message contains \"" + phrase + "\": " + messages);
      });
    }
  }

  /** Every rule with fixtures says in at least one of them what its message must say. */
  @Test
  void everyRuleHasAFixtureWithAKeyPhrase() {
    Map<String, Boolean> phrased = new TreeMap<>();
    for (Fixtures.Case c : Fixtures.all()) {
      phrased.merge(c.ruleId(), Fixtures.expectedFindings(c).stream().anyMatch(e -> e.phrase().isPresent()),
          Boolean::logicalOr);
    }
    assertEquals(List.of(), phrased.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList(),
        "rules whose fixtures name no key phrase (# expect: ID \"phrase\")");
  }

  private static String key(Fixtures.Case c, Finding f) {
    return (c.isDirectory() ? f.location().path() + ":" : "") + f.location().line() + " " + f.ruleId()
        + (f.certain() ? "" : " unknown");
  }

  private static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append("  ").append(f.location()).append(' ').append(f.ruleId()).append(f.certain() ? "" : " (unknown)")
          .append(": ").append(f.message()).append('\n');
    }
    return sb.toString();
  }
}
