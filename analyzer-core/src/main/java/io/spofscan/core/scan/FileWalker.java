package io.spofscan.core.scan;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the files a scan reads. Never follows a symlinked directory (no loops), never reads a link that leaves the
 * scan root, skips FIFOs and devices, and skips {@code .git}, {@code .terraform} and {@code node_modules}.
 * The result is sorted by display path, so scans do not depend on file-system order.
 */
public final class FileWalker {
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".terraform", "node_modules", ".terragrunt-cache");
  private static final List<String> SUFFIXES = List.of(
      ".tf", ".tf.json", ".tfvars", ".tfvars.json", ".yaml", ".yml", ".json", ".template", ".sql");

  private final Path displayBase;

  /** @param displayBase findings name files relative to this folder (usually the repository root) */
  public FileWalker(Path displayBase) {
    this.displayBase = displayBase.toAbsolutePath().normalize();
  }

  public record Result(List<SourceFile> files, List<Diagnostic> diagnostics) {}

  /** True for the file names spofscan may read as IaC. */
  public static boolean isCandidate(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return SUFFIXES.stream().anyMatch(lower::endsWith) || fileName.equals("CODEOWNERS");
  }

  public Result walk(List<Path> roots) throws IOException {
    Map<String, SourceFile> files = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Path given : roots) {
      Path root = given.toAbsolutePath().normalize();
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("no such file or directory: " + given);
      }
      if (Files.isRegularFile(root)) {
        // A file named explicitly is scanned whatever its name; its folder is the root it may not leave.
        Path parent = root.getParent() == null ? root : root.getParent();
        files.putIfAbsent(display(root, parent), new SourceFile(root, display(root, parent), parent));
        continue;
      }
      Path realRoot = root.toRealPath();
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (!isCandidate(name)) {
            return FileVisitResult.CONTINUE;
          }
          String shown = display(file, root);
          if (attrs.isSymbolicLink()) {
            acceptLink(file, shown, realRoot, root, files, diagnostics);
          } else if (attrs.isRegularFile()) {
            files.putIfAbsent(shown, new SourceFile(file, shown, root));
          } else {
            diagnostics.add(Diagnostic.info(SourceRange.at(shown, 1, 1), "not a regular file (FIFO or device): skipped"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          diagnostics.add(Diagnostic.error(SourceRange.at(display(file, root), 1, 1),
              "cannot read: " + describe(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    }
    List<SourceFile> sorted = new ArrayList<>(files.values());
    sorted.sort(Comparator.comparing(SourceFile::displayPath));
    return new Result(sorted, diagnostics);
  }

  private static void acceptLink(Path link, String shown, Path realRoot, Path root, Map<String, SourceFile> files,
      List<Diagnostic> diagnostics) {
    try {
      Path target = link.toRealPath();
      if (!target.startsWith(realRoot)) {
        diagnostics.add(Diagnostic.warning(SourceRange.at(shown, 1, 1),
            "symbolic link points outside the scan root: not followed"));
      } else if (Files.isRegularFile(target)) {
        files.putIfAbsent(shown, new SourceFile(target, shown, root));
      }
    } catch (IOException e) {
      diagnostics.add(Diagnostic.warning(SourceRange.at(shown, 1, 1),
          "broken or looping symbolic link: not followed (" + describe(e) + ")"));
    }
  }

  private String display(Path file, Path root) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = abs.startsWith(displayBase) ? displayBase : root;
    String rel = base.relativize(abs).toString().replace('\\', '/');
    return rel.isEmpty() ? abs.getFileName().toString() : rel;
  }

  static String describe(IOException e) {
    return Failures.describe(e);
  }
}
