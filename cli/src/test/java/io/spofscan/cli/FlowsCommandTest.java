package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @ValueSource(strings = {"text", "json", "mermaid", "dot"})
  void exampleShopMatchesItsGoldenFile(String format) throws IOException {
    Path repo = TESTDATA.getParent();
    CliProcess.Result r = CliProcess.run(repo, "flows", "-f", format, "testdata/examples/shop");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(Files.readString(TESTDATA.resolve("examples/shop/flows." + format + ".golden")), r.out());
  }
}
