package io.spofscan.parsers.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Model;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.Parsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10 MB single-line YAML string (under the 16 MB file cap) once kept the scan busy for minutes: SnakeYAML's
 * reader is quadratic in the length of one unbroken token. Such a line is now refused with a located error.
 */
class LongLineTest {

  @Test
  void tenMegabyteSingleLineYamlIsRefusedQuickly(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("long.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  big: \""
        + "x".repeat(10 * 1024 * 1024) + "\"\n");
    SourceFile source = new SourceFile(file, "long.yaml", tmp);
    Model model = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> Parsers.parse(List.of(source), ScanOptions.defaults()));
    List<Diagnostic> errors = model.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
    assertEquals(1, errors.size(), model.diagnostics().toString());
    assertEquals(5, errors.get(0).location().line());
    assertTrue(errors.get(0).message().contains("longer than"), errors.get(0).message());
  }

  @Test
  void longButReasonableLinesAreStillRead(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("cm.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  big: \""
        + "x".repeat(200_000) + "\"\n");
    Model model = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> Parsers.parse(List.of(new SourceFile(file, "cm.yaml", tmp)), ScanOptions.defaults()));
    assertEquals(List.of(), model.diagnostics());
    assertEquals(1, model.resources().size());
  }
}
