package io.spofscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@code .spofscan.yml} a scan obeys, the way {@code .editorconfig} is found: for each scanned path, the
 * nearest one in it (a directory) or its ancestors, up to the repository root. One scan obeys one configuration:
 * paths whose nearest files differ are an error that names them, never a silent choice. {@code --config} overrides.
 */
final class ConfigDiscovery {
  private ConfigDiscovery() {}

  static SpofscanConfig find(Path override, List<Path> paths, RepoRoot root, Set<String> knownRules) {
    if (override != null) {
      if (!Files.isRegularFile(override)) {
        throw new UserError("no such configuration file: " + override);
      }
      return SpofscanConfig.read(override, knownRules);
    }
    List<Path> starts = paths.isEmpty() ? List.of(Path.of("")) : paths;
    Map<Optional<Path>, Path> byConfig = new LinkedHashMap<>();
    for (Path p : starts) {
      byConfig.putIfAbsent(nearest(p, root), p);
    }
    if (byConfig.size() > 1) {
      List<String> which = new ArrayList<>();
      byConfig.forEach((config, path) -> which.add((path.toString().isEmpty() ? "." : path.toString()) + " -> "
          + config.map(root::display).orElse("no configuration")));
      throw new UserError("the scanned paths have different configuration files (" + String.join(", ", which)
          + "): scan them separately, or choose one with --config");
    }
    Optional<Path> config = byConfig.keySet().iterator().next();
    return config.map(c -> SpofscanConfig.read(c, knownRules)).orElse(SpofscanConfig.none());
  }

  /** The nearest configuration file for one path: in it when it is a directory, else in its folder and upwards. */
  static Optional<Path> nearest(Path path, RepoRoot root) {
    Path abs = path.toAbsolutePath().normalize();
    Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
    boolean inside = dir != null && dir.startsWith(root.dir());
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve(SpofscanConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (!inside || d.equals(root.dir())) {
        break; // outside the repository only the path's own folder counts; inside, stop at the root
      }
    }
    return Optional.empty();
  }
}
