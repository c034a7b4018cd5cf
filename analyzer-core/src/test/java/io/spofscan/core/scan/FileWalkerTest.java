package io.spofscan.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {

  @Test
  void walksSortedSkipsVendoredFoldersAndDoesNotEscapeTheRoot(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(Files.createDirectories(root.resolve("b")).resolve("main.tf"), "x");
    Files.writeString(Files.createDirectories(root.resolve("a")).resolve("k8s.yaml"), "x");
    Files.writeString(root.resolve("notes.txt"), "not iac");
    Files.writeString(Files.createDirectories(root.resolve(".terraform/modules")).resolve("m.tf"), "x");
    Files.writeString(Files.createDirectories(root.resolve("node_modules/p")).resolve("package.json"), "{}");
    Path outside = Files.writeString(tmp.resolve("secret.tf"), "outside");
    Files.createSymbolicLink(root.resolve("escape.tf"), outside);
    Files.createSymbolicLink(root.resolve("loop"), root);

    FileWalker.Result result = new FileWalker(root).walk(java.util.List.of(root));
    assertEquals(java.util.List.of("a/k8s.yaml", "b/main.tf"),
        result.files().stream().map(SourceFile::displayPath).toList());
    assertTrue(result.diagnostics().stream().anyMatch(d ->
        d.level() == Diagnostic.Level.WARNING && d.location().path().equals("escape.tf")));
  }

  @Test
  void missingPathIsAnError(@TempDir Path tmp) {
    try {
      new FileWalker(tmp).walk(java.util.List.of(tmp.resolve("nope")));
      throw new AssertionError("expected an IOException");
    } catch (IOException e) {
      assertTrue(e.getMessage().contains("no such file"));
    }
  }
}
