package io.spofscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spofscan.core.engine.Analyzer;
import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * testdata/kubernetes/kustomize/CASE/: a folder of kustomizations and manifests scanned together by EVERY rule, with
 * the usual {@code # expect: ID} markers. Patches must yield nothing, replica overrides point at the
 * kustomization's line; missing and unexpected findings both fail.
 */
class KustomizeFixtureTest {

  static Stream<Fixtures.Case> cases() throws IOException {
    Path dir = Fixtures.root().resolve("kubernetes/kustomize");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().map(d -> new Fixtures.Case("kubernetes", "kustomize", d)).toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyRuleFindsExactlyTheMarkedFindings(Fixtures.Case c) {
    List<SourceFile> files = c.files().stream().map(f -> new SourceFile(f, Fixtures.display(f), Fixtures.root()))
        .toList();
    Model model = Parsers.parse(files, ScanOptions.defaults());
    assertEquals(List.of(), model.diagnostics().stream().filter(d -> d.level() != Diagnostic.Level.INFO)
        .map(Diagnostic::toString).toList(), "a fixture must parse cleanly");
    Analyzer.Analysis analysis = new Analyzer(BuiltInRules.ALL).analyze(model);
    List<String> actual = analysis.findings().stream()
        .map(f -> f.location().path() + ":" + f.location().line() + " " + f.ruleId() + (f.certain() ? "" : " unknown"))
        .sorted().toList();
    assertEquals(Fixtures.expected(c), actual, () -> analysis.findings().toString());
  }
}
