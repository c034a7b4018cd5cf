package io.spofscan.parsers.terraform;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.scan.FileWalker;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers: fixtures under testdata/parsers/terraform and parsing of inline snippets. */
final class TfTesting {
  private TfTesting() {}

  static Path fixtures() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata/parsers/terraform"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("testdata/parsers/terraform not found");
    }
    return p.resolve("testdata/parsers/terraform");
  }

  static Model scan(Path root, ScanOptions options) {
    try {
      List<SourceFile> files = new FileWalker(root).walk(List.of(root)).files();
      return new TerraformParser(options).parse(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Model scan(Path root) {
    return scan(root, ScanOptions.defaults());
  }

  /** Parses one snippet written to a temporary directory as main.tf. */
  static Model snippet(Path tmp, String source) {
    try {
      Files.writeString(tmp.resolve("main.tf"), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scan(tmp);
  }

  static Resource resource(Model m, String address) {
    return m.resources().stream().filter(r -> r.address().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + address + " in " + m.resources().stream()
            .map(Resource::address).toList() + " diagnostics " + m.diagnostics()));
  }
}
