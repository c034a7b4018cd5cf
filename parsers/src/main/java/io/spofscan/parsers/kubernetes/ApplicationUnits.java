package io.spofscan.parsers.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.spofscan.core.graph.AppScope;
import io.spofscan.core.scan.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the application units of a scan (see {@link AppScope}): kustomization roots with the entries they list,
 * and Helm chart directories. A kustomization that does not read is simply no unit (its files fall back to their
 * directory); the document parser reports the file itself.
 */
public final class ApplicationUnits {
  private static final Set<String> KUSTOMIZATION_NAMES = Set.of("kustomization.yaml", "kustomization.yml",
      "Kustomization");
  /** Kustomization files are small; anything larger is not one worth reading for its resource list. */
  private static final long MAX_BYTES = 1 << 20;
  private static final List<String> LISTS = List.of("resources", "bases", "components");

  private ApplicationUnits() {}

  public static AppScope of(List<SourceFile> files) {
    Map<String, List<String>> kustomizations = new HashMap<>();
    Set<String> charts = new HashSet<>();
    for (SourceFile f : files) {
      String dir = parent(f.displayPath());
      if (f.fileName().equals("Chart.yaml") || f.fileName().equals("Chart.yml")) {
        charts.add(dir);
      } else if (KUSTOMIZATION_NAMES.contains(f.fileName())) {
        kustomizations.put(dir, listed(f));
      }
    }
    return AppScope.of(kustomizations, charts);
  }

  private static List<String> listed(SourceFile f) {
    List<String> out = new ArrayList<>();
    try {
      if (Files.size(f.file()) > MAX_BYTES) {
        return out;
      }
      JsonNode root = new YAMLMapper().readTree(f.file().toFile());
      if (root == null || !root.isObject()) {
        return out;
      }
      for (String key : LISTS) {
        for (JsonNode entry : root.path(key)) {
          if (entry.isTextual()) {
            out.add(entry.asText());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable or not YAML: no unit from it, and the document parser reports the file
    }
    return out;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
