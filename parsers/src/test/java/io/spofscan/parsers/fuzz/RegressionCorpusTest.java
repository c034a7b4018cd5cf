package io.spofscan.parsers.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seed and every input that once broke a parser (testdata/fuzz/regressions, named
 * {@code <what-it-broke>.<extension>}) must keep the fuzzing properties: returns in time, no exception, locations
 * inside the file.
 */
class RegressionCorpusTest {

  static Stream<Path> corpus() throws IOException {
    Path root = ParserFuzzTest.fuzzData();
    return Files.walk(root).filter(Files::isRegularFile)
        .filter(p -> !p.getFileName().toString().endsWith(".md"))
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void keepsTheFuzzProperties(Path input, @TempDir Path tmp) throws Exception {
    String fileName = parsedAs(input.getFileName().toString());
    Optional<String> violation;
    try (ParseHarness harness = new ParseHarness(tmp, Duration.ofSeconds(30))) {
      violation = harness.check(fileName, Files.readAllBytes(input));
    }
    assertEquals(Optional.empty(), violation, input.toString());
  }

  /** The name the parser sees: the regression file's extension decides which parser reads it. */
  static String parsedAs(String name) {
    for (String ext : new String[] {".tf.json", ".tf", ".yaml", ".yml", ".json", ".template"}) {
      if (name.endsWith(ext)) {
        return "input" + ext;
      }
    }
    return "input.yaml";
  }
}
