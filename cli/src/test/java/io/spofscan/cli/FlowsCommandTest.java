package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden output of {@code spofscan flows} on the example shop (testdata/examples/shop): DNS -> CloudFront -> ALB ->
 * ECS checkout -> Redis sessions and RDS orders, and Ingress -> Service -> Deployment -> Redis and PostgreSQL.
 * Regenerate with {@code spofscan flows -f FORMAT testdata/examples/shop > testdata/examples/shop/flows.FORMAT.golden}.
 */
class FlowsCommandTest {
  private static final Path TESTDATA = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .toAbsolutePath().normalize();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json", "mermaid", "dot", "html"})
  void exampleShopMatchesItsGoldenFile(String format) throws IOException {
    Path repo = TESTDATA.getParent();
    CliProcess.Result r = CliProcess.run(repo, "flows", "-f", format, "testdata/examples/shop");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(Files.readString(TESTDATA.resolve("examples/shop/flows." + format + ".golden")), r.out());
  }

  /** The page must open from a CI artifact without calling anywhere: it names nothing outside itself. */
  @Test
  void htmlPageNamesNoResourceOutsideItself() {
    CliProcess.Result r = CliProcess.run(TESTDATA.getParent(), "flows", "-f", "html", "testdata/examples/shop");
    assertEquals(0, r.exit(), r.toString());
    String html = r.out();
    assertFalse(Pattern.compile("(?i)(src|href|xlink:href)\\s*=\\s*\"(?!#)").matcher(html).find(), html);
    assertFalse(Pattern.compile("(?i)<script|<link|<iframe|<object|<img|@import|url\\((?!#)").matcher(html).find(),
        html);
    assertTrue(html.contains("default-src 'none'"), "the page forbids loading anything");
    assertTrue(html.contains("<g class=\"node spof\""), html);
  }
}
