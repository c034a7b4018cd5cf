package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spofscan flows --format html} opened in a real headless Chromium (skipped when none is installed): the
 * page renders, every SPOF hop of the example shop is painted as a red box, and opening it requests nothing over the
 * network.
 */
class FlowsHtmlBrowserTest {
  private static final Path TESTDATA = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .toAbsolutePath().normalize();
  /** The fill of a SPOF box in the page's style sheet. */
  private static final int SPOF_FILL = 0xffdddd;

  @TempDir
  static Path dir;

  static Path chromium;
  static Path page;
  static int spofHops;

  @BeforeAll
  static void render() throws IOException {
    Optional<Path> found = chromium();
    Assumptions.assumeTrue(found.isPresent(), "no chromium on PATH: the browser test is skipped");
    chromium = found.get();
    Path repo = TESTDATA.getParent();
    CliProcess.Result html = CliProcess.run(repo, "flows", "-f", "html", "testdata/examples/shop");
    assertEquals(0, html.exit(), html.toString());
    page = Files.writeString(dir.resolve("flows.html"), html.out());
    // what to expect comes from another output of the same command: the hops the JSON marks with SPOFs
    CliProcess.Result json = CliProcess.run(repo, "flows", "-f", "json", "testdata/examples/shop");
    spofHops = count(Pattern.compile("\"spofs\":"), json.out());
    assertTrue(spofHops > 0, json.toString());
  }

  @Test
  void everySpofHopIsARedNodeInTheRenderedDom() throws IOException, InterruptedException {
    String dom = browser("--dump-dom", page.toUri().toString());
    assertEquals(spofHops, count(Pattern.compile("<g class=\"node spof\""), dom), dom);
    assertTrue(dom.contains("SPOF-K8S-013"), dom);
  }

  @Test
  void spofBoxesArePaintedAndNothingIsRequested() throws IOException, InterruptedException {
    Path log = dir.resolve("page-net.json");
    Path shot = dir.resolve("page.png");
    browser("--log-net-log=" + log, "--screenshot=" + shot, "--window-size=3200,1600", page.toUri().toString());
    assertEquals(List.of(), pageRequests(log), "the page requested something");
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(spofHops, redBoxes(image), "red boxes in the screenshot");
  }

  /** The network check sees a request a page makes (a page with one remote image). */
  @Test
  void networkCheckSeesAPageRequest() throws IOException, InterruptedException {
    Path remote = Files.writeString(dir.resolve("remote.html"),
        "<!DOCTYPE html><title>remote</title><img src=\"https://example.invalid/x.png\">");
    Path log = dir.resolve("remote-net.json");
    browser("--log-net-log=" + log, "--screenshot=" + dir.resolve("remote.png"), remote.toUri().toString());
    assertEquals(List.of("https://example.invalid/x.png"), pageRequests(log));
  }

  /** Areas of SPOF fill big enough to be a box (glyph counters inside a box are tiny). */
  private static int redBoxes(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean[] seen = new boolean[w * h];
    int boxes = 0;
    int[] stack = new int[w * h];
    for (int start = 0; start < w * h; start++) {
      if (seen[start] || (image.getRGB(start % w, start / w) & 0xffffff) != SPOF_FILL) {
        continue;
      }
      int size = 0;
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      while (top > 0) {
        int p = stack[--top];
        size++;
        int x = p % w;
        int y = p / w;
        int[] next = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
        for (int q : next) {
          if (q >= 0 && !seen[q] && (image.getRGB(q % w, q / w) & 0xffffff) == SPOF_FILL) {
            seen[q] = true;
            stack[top++] = q;
          }
        }
      }
      if (size >= 1000) {
        boxes++;
      }
    }
    return boxes;
  }

  /**
   * The requests a page started, from Chromium's net log: the browser's own calls to its update and account
   * services (which resolve to nowhere here) carry no initiating origin, a page's requests carry the page's.
   */
  private static List<String> pageRequests(Path netLog) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode e : new ObjectMapper().readTree(netLog.toFile()).path("events")) {
      JsonNode p = e.path("params");
      if (p.has("url") && p.has("initiator") && !p.path("initiator").asText().equals("not an origin")
          && !out.contains(p.path("url").asText())) {
        out.add(p.path("url").asText());
      }
    }
    return out;
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Runs headless Chromium with its own profile, every host name resolving to nowhere. */
  private static String browser(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking", "--hide-scrollbars",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--host-resolver-rules=MAP * ~NOTFOUND"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + command);
    }
    assertEquals(0, p.exitValue(), "chromium failed: " + command);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static Optional<Path> chromium() {
    for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")) {
        Path p = Path.of(dirName.isEmpty() ? "." : dirName, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
