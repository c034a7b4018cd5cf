package io.spofscan.cli;

import io.spofscan.core.baseline.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a baseline file written by {@code spofscan baseline create}. */
final class BaselineFile {
  private BaselineFile() {}

  static Baseline read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("no such baseline file: " + file);
    }
    LocatedYaml.Node root = LocatedYaml.read(file, file.toString());
    Map<String, LocatedYaml.Node> map = root.map();
    LocatedYaml.Node version = map.get("version");
    if (version == null || !version.text().equals(String.valueOf(Baseline.VERSION))) {
      throw new UserError(root.at() + ": not a spofscan baseline (version " + Baseline.VERSION + " expected)");
    }
    List<Baseline.Entry> entries = new ArrayList<>();
    LocatedYaml.Node findings = map.get("findings");
    if (findings != null && findings.value() != null) {
      for (LocatedYaml.Node n : findings.list()) {
        Map<String, LocatedYaml.Node> e = n.map();
        entries.add(new Baseline.Entry(text(e, "fingerprint", n), text(e, "ruleId", n), text(e, "path", n),
            text(e, "resource", n)));
      }
    }
    return new Baseline(entries);
  }

  private static String text(Map<String, LocatedYaml.Node> e, String key, LocatedYaml.Node at) {
    LocatedYaml.Node v = e.get(key);
    if (v == null) {
      throw new UserError(at.at() + ": baseline entry without " + key);
    }
    return v.text();
  }
}
