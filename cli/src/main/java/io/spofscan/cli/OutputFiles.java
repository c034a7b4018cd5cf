package io.spofscan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report (or baseline, or starter config) where {@code -o} says, never damaging what is there:
 * <ul>
 *   <li>{@code -}, {@code /dev/stdout} (and {@code /dev/fd/1}, {@code /proc/self/fd/1}) is standard output;
 *   <li>a character device ({@code /dev/null}, a terminal) or a FIFO is written through, never replaced;
 *   <li>a regular file, or a new path, is written whole or not at all: a temporary file beside it, then a move.
 *       A new file gets the umask's permissions (0644 by default); a replaced file keeps its own;
 *   <li>a symbolic link is followed: the file it points at is written by these rules and the link stays; a link
 *       to nothing is refused;
 *   <li>anything else (a directory, a block device, a socket) is refused.
 * </ul>
 */
final class OutputFiles {
  private static final Set<String> STDOUT = Set.of("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");

  private OutputFiles() {}

  static boolean isStdout(Path target) {
    return target == null || STDOUT.contains(target.toString());
  }

  /** Writes {@code content} to {@code target}; standard output goes to {@code stdout}. */
  static void write(Path target, String content, PrintWriter stdout) {
    if (isStdout(target)) {
      stdout.print(content);
      stdout.flush();
      return;
    }
    try {
      Path resolved = followLinks(target);
      BasicFileAttributes attrs = attributes(resolved);
      if (attrs == null || attrs.isRegularFile()) {
        replace(resolved, content, attrs != null);
      } else if (attrs.isOther() && isCharacterDeviceOrFifo(resolved)) {
        try (OutputStream out = Files.newOutputStream(resolved, StandardOpenOption.WRITE)) {
          out.write(content.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        throw new UserError("cannot write " + target + ": " + (attrs.isDirectory() ? "it is a directory"
            : "not a regular file, character device or FIFO") + "; nothing was written");
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + reason(e), e);
    }
  }

  /** The path a chain of symbolic links ends at (relative links resolve against their own folder). */
  private static Path followLinks(Path target) throws IOException {
    Path p = target.toAbsolutePath().normalize();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == 40) {
        throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    if (!p.equals(target.toAbsolutePath().normalize()) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError("cannot write " + target + ": it is a symbolic link to " + p
          + ", which does not exist; nothing was written");
    }
    return p;
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Java has no file-type query for devices: the file mode's type bits tell FIFOs and character devices apart. */
  private static boolean isCharacterDeviceOrFifo(Path p) {
    try {
      Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int type = ((Integer) mode) & 0170000;
      return type == 0020000 || type == 0010000; // S_IFCHR, S_IFIFO
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // no unix view: never write through what cannot be identified
    }
  }

  private static void replace(Path target, String content, boolean exists) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = null;
    try {
      tmp = createTemp(dir, target.getFileName().toString());
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      if (exists) {
        keepPermissions(target, tmp);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Created without a permission attribute, so the process umask decides (Files.createTempFile would give 0600). */
  private static Path createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static void keepPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      Files.setPosixFilePermissions(to, perms);
    }
  }

  /** What went wrong, in words (no exception class names). */
  static String reason(IOException e) {
    String file = e instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : null;
    String why = e instanceof AccessDeniedException ? "permission denied"
        : e instanceof NoSuchFileException ? "no such file or directory"
        : e instanceof NotDirectoryException ? "not a directory"
        : e instanceof FileAlreadyExistsException ? "a file is in the way"
        : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : e.getMessage() != null ? e.getMessage() : "input/output error";
    return file == null ? why : why + " (" + file + ")";
  }
}
