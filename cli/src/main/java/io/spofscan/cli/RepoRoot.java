package io.spofscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder reported paths are relative to (and SARIF's {@code %SRCROOT%}): {@code --repo-root}, else the nearest
 * ancestor of the first path that holds {@code .git}, else the current directory. Also where configuration
 * discovery stops.
 *
 * @param dir absolute and normalized
 */
record RepoRoot(Path dir) {
  RepoRoot {
    dir = dir.toAbsolutePath().normalize();
  }

  static RepoRoot of(Path given, List<Path> paths) {
    if (given != null) {
      if (!Files.isDirectory(given)) {
        throw new UserError("--repo-root is not a directory: " + given);
      }
      return new RepoRoot(given);
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (paths.isEmpty()) {
      return new RepoRoot(cwd);
    }
    Path start = paths.get(0).toAbsolutePath().normalize();
    for (Path p = Files.isDirectory(start) ? start : start.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return new RepoRoot(p);
      }
    }
    return new RepoRoot(cwd);
  }

  /** The {@code file:} URI of the root, ending in '/'. */
  String uri() {
    String uri = dir.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** How reports name {@code file}: relative to the root with '/' when inside it, else as given. */
  String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : file.toString();
  }
}
