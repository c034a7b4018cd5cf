package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o}: what a report may replace, what it writes through, and that it works for an unprivileged user. */
class OutputFilesEndToEndTest {
  private static final String DB = "resource \"aws_db_instance\" \"a\" {\n  multi_az = false\n}\n";

  @TempDir
  Path tmp;

  @BeforeEach
  void repository() throws IOException {
    Files.writeString(tmp.resolve("db.tf"), DB);
  }

  private static int fileType(Path p) throws IOException {
    return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
  }

  @Test
  void aCharacterDeviceIsWrittenThroughNeverReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && Files.isWritable(devNull), "no writable /dev/null");
    CliProcess.Result r = CliProcess.run(tmp, "scan", ".", "-f", "text", "-o", "/dev/null", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(0020000, fileType(devNull), "/dev/null is still a character device");
    try (var listing = Files.list(Path.of("/dev"))) {
      assertTrue(listing.noneMatch(p -> p.getFileName().toString().startsWith(".null.")), "no temp file in /dev");
    }
  }

  @Test
  void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
    Path fifo = tmp.resolve("report.fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        return "unreadable: " + e;
      }
    });
    CliProcess.Result r = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", fifo.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(reader.get(60, TimeUnit.SECONDS).contains("\"SPOF-RDS-001\""), "the reader got the report");
    assertEquals(0010000, fileType(fifo), "still a FIFO");
  }

  @Test
  void dashAndDevStdoutAreStandardOutputAndOnlyOneReportMayGoThere() {
    CliProcess.Result dash = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "-");
    assertEquals(1, dash.exit(), dash.toString());
    assertTrue(dash.out().contains("\"SPOF-RDS-001\""), dash.toString());
    assertTrue(Files.notExists(tmp.resolve("-")), "no file named '-'");
    CliProcess.Result dev = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "/dev/stdout");
    assertEquals(dash.out(), dev.out());
    CliProcess.Result two = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "-", "-f", "text");
    assertEquals(2, two.exit(), two.toString());
    assertTrue(two.err().contains("only one report can go to standard output"), two.toString());
  }

  @Test
  void aSymbolicLinkIsFollowedAndStaysALinkADanglingOneIsRefused() throws IOException {
    Path target = Files.writeString(tmp.resolve("real.json"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), Path.of("real.json"));
    CliProcess.Result r = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "link.json");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertTrue(Files.readString(target).contains("\"SPOF-RDS-001\""), "the file it points at got the report");

    Files.createSymbolicLink(tmp.resolve("dangling.json"), Path.of("nowhere/out.json"));
    CliProcess.Result dangling = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "dangling.json");
    assertEquals(2, dangling.exit(), dangling.toString());
    assertTrue(dangling.err().startsWith("spofscan: cannot write dangling.json: it is a symbolic link to "),
        dangling.toString());
    assertTrue(Files.notExists(tmp.resolve("nowhere")), "nothing created at the link's target");
  }

  @Test
  void aDirectoryIsRefusedInOneLine() throws IOException {
    Files.createDirectory(tmp.resolve("reports"));
    CliProcess.Result r = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "reports");
    assertEquals(2, r.exit(), r.toString());
    assertEquals("spofscan: cannot write reports: it is a directory; nothing was written\n", r.err());
    assertTrue(Files.isDirectory(tmp.resolve("reports")));
  }

  @Test
  void aNewReportGetsTheUmasksPermissionsAReplacedOneKeepsItsOwn() throws Exception {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    int umask = umask();
    CliProcess.Result r = CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "new.json");
    assertEquals(1, r.exit(), r.toString());
    Set<PosixFilePermission> expected = PosixFilePermissions.fromString(mode(0666 & ~umask));
    assertEquals(expected, Files.getPosixFilePermissions(tmp.resolve("new.json")), "umask " + Integer.toOctalString(umask));

    Path kept = Files.writeString(tmp.resolve("kept.json"), "old");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
    CliProcess.run(tmp, "scan", "db.tf", "-f", "json", "-o", "kept.json");
    assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(kept));
    assertTrue(Files.readString(kept).contains("SPOF-RDS-001"));
  }

  /** As the unprivileged user {@code nobody}: {@code -o /dev/stdout} and a report file in a shared folder work. */
  @Test
  void worksForAnUnprivilegedUser() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to nobody");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "no setpriv");
    // the class path copied where nobody can read it (the build's own folders may be private)
    Path shared = Files.createDirectories(tmp.resolve("shared"));
    List<String> classpath = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path from = Path.of(entry);
      if (!Files.exists(from)) {
        continue;
      }
      Path to = shared.resolve("cp" + n++ + (Files.isDirectory(from) ? "" : ".jar"));
      copy(from, to);
      classpath.add(to.toString());
    }
    Files.copy(tmp.resolve("db.tf"), shared.resolve("db.tf"));
    openToAll(tmp);
    List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup",
        "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:off", "-cp", String.join(java.io.File.pathSeparator, classpath),
        Main.class.getName(), "scan", "db.tf", "-f", "json", "-o", "/dev/stdout", "-f", "text", "-o", "out.txt"));
    Process p = new ProcessBuilder(command).directory(shared.toFile()).redirectErrorStream(false).start();
    p.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
    assumeTrue(!err.get().contains("setpriv: "), "setpriv cannot switch users here: " + err.get());
    assertEquals(1, p.exitValue(), out + err.get());
    assertTrue(out.contains("\"SPOF-RDS-001\""), out + err.get());
    assertTrue(Files.readString(shared.resolve("out.txt")).contains("SPOF-RDS-001"));
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "unreadable: " + e;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.copy(from, to);
      return;
    }
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  private static void openToAll(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx"
            : "rw-r--r--"));
      }
    }
    for (Path up = root.getParent(); up != null; up = up.getParent()) {
      assumeTrue(Files.getPosixFilePermissions(up).contains(PosixFilePermission.OTHERS_EXECUTE),
          up + " is closed to other users");
    }
  }

  private static int umask() throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "umask").start();
    String text = read(p.getInputStream()).strip();
    p.waitFor();
    return Integer.parseInt(text, 8);
  }

  private static String mode(int bits) {
    String all = "rwxrwxrwx";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      b.append((bits & (1 << (8 - i))) != 0 ? all.charAt(i) : '-');
    }
    return b.toString();
  }
}
