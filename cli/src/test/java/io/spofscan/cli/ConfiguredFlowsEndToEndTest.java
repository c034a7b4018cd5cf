package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flows:} in {@code .spofscan.yml} on a copy of the example shop: flows are named by entry address or by host
 * name, named flows come first (critical ones marked), both {@code flows} and {@code scan} use the names, and an entry
 * that matches nothing is a configuration error naming file and line.
 */
class ConfiguredFlowsEndToEndTest {
  private static final Path SHOP = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .resolve("examples/shop").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @BeforeEach
  void copyShop() throws IOException {
    Files.copy(SHOP.resolve("main.tf"), tmp.resolve("main.tf"));
    Files.copy(SHOP.resolve("k8s.yaml"), tmp.resolve("k8s.yaml"));
  }

  @Test
  void namedFlowsComeFirstByAddressOrHost() throws IOException {
    Files.writeString(tmp.resolve(".spofscan.yml"), "flows:\n"
        + "  admin: ADMIN.shop.example.net.\n"
        + "  checkout: {entry: aws_route53_record.www, critical: true}\n");
    CliProcess.Result text = CliProcess.run(tmp, "flows", ".");
    assertEquals(0, text.exit(), text.toString());
    assertTrue(text.out().startsWith("2 flows, 2 with a single point of failure\n\nflow admin\n  Ingress/shop/admin"),
        text.out());
    assertTrue(text.out().contains("\nflow checkout (critical)\n  aws_route53_record.www"), text.out());
    assertFalse(text.out().contains("flow www.shop.example.net"), "the named entry is no automatic flow");

    CliProcess.Result scan = CliProcess.run(tmp, "scan", ".", "-f", "json", "--fail-on", "none");
    assertEquals(0, scan.exit(), scan.toString());
    for (JsonNode f : JSON.readTree(scan.out()).get("findings")) {
      if (f.get("ruleId").asText().equals("SPOF-RDS-001")) {
        assertEquals("checkout", f.get("flow").get("flows").get(0).asText(), f.toString());
      }
    }
  }

  @Test
  void aHostServedByADnsRecordAndItsCdnStartsAtTheRecord() throws IOException {
    // the DNS record's name and the CloudFront alias are both www.shop.example.net: requests arrive at the record
    Files.writeString(tmp.resolve(".spofscan.yml"), "flows:\n  shop: www.shop.example.net\n");
    CliProcess.Result r = CliProcess.run(tmp, "flows", ".", "-f", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode shop = JSON.readTree(r.out()).get("flows").get(0);
    assertEquals("shop", shop.get("name").asText());
    assertFalse(shop.get("critical").asBoolean());
    assertEquals("aws_route53_record.www", shop.get("entry").asText());
  }

  @Test
  void anEntryThatMatchesNothingIsAConfigurationErrorWithFileAndLine() throws IOException {
    Files.writeString(tmp.resolve(".spofscan.yml"), "fail-on: high\nflows:\n  checkout:\n"
        + "    entry: aws_route53_record.wwww\n");
    for (String command : new String[] {"scan", "flows"}) {
      CliProcess.Result r = CliProcess.run(tmp, command, ".");
      assertEquals(2, r.exit(), r.toString());
      assertTrue(r.err().contains(".spofscan.yml:3:3: flow 'checkout': entry 'aws_route53_record.wwww' is neither"),
          r.toString());
      assertFalse(r.err().contains("\tat "), "no stack trace");
    }
    Files.writeString(tmp.resolve(".spofscan.yml"), "flows:\n  checkout:\n    entyr: aws_route53_record.www\n");
    CliProcess.Result typo = CliProcess.run(tmp, "scan", ".");
    assertEquals(2, typo.exit(), typo.toString());
    assertTrue(typo.err().contains(".spofscan.yml:3:5: unknown key 'entyr' (expected one of: entry, critical)"),
        typo.toString());
  }
}
