package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spofscan scan} carries the flow on the example shop: a finding on a resource a flow reaches names the flow
 * and the chain from the entry point, as data in JSON, as {@code codeFlows} in SARIF, as a line in text and
 * markdown, in its GitHub annotation; a finding no flow reaches has none; the fingerprint does not depend on the
 * chain.
 */
class ScanFlowChainEndToEndTest {
  private static final Path SHOP = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .resolve("examples/shop").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TO_ORDERS = List.of("aws_route53_record.www", "aws_cloudfront_distribution.edge",
      "aws_lb.web", "aws_lb_listener.https", "aws_lb_target_group.checkout", "aws_ecs_service.checkout",
      "aws_ecs_task_definition.checkout", "aws_db_instance.orders");

  @TempDir
  Path tmp;

  private JsonNode scanJson(Path dir) throws IOException {
    CliProcess.Result r = CliProcess.run(dir, "scan", ".", "-f", "json", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    return JSON.readTree(r.out());
  }

  private static JsonNode finding(JsonNode report, String ruleId) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("ruleId").asText().equals(ruleId)) {
        return f;
      }
    }
    throw new AssertionError("no " + ruleId + " in " + report);
  }

  private static List<String> chain(JsonNode finding) {
    List<String> out = new ArrayList<>();
    finding.get("flow").get("chain").forEach(h -> out.add(h.get("resource").asText()));
    return out;
  }

  @Test
  void jsonHasTheFlowAndChainAsData() throws IOException {
    Files.copy(SHOP.resolve("main.tf"), tmp.resolve("main.tf"));
    JsonNode rds = finding(scanJson(tmp), "SPOF-RDS-001");
    assertEquals("www.shop.example.net", rds.get("flow").get("flows").get(0).asText());
    assertTrue(rds.get("flow").get("known").asBoolean());
    assertEquals(TO_ORDERS, chain(rds));
    JsonNode first = rds.get("flow").get("chain").get(0);
    assertFalse(first.has("edge"), "the entry is reached by no edge");
    assertEquals(58, first.get("location").get("line").asInt());
    JsonNode last = rds.get("flow").get("chain").get(TO_ORDERS.size() - 1);
    assertEquals("uses", last.get("edge").asText());
    assertEquals(158, last.get("location").get("line").asInt());
    assertFalse(finding(scanJson(tmp), "SPOF-NAT-001").has("flow"), "no flow walks to the NAT gateway");
  }

  @Test
  void theFingerprintDoesNotDependOnTheChain() throws IOException {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    String tf = Files.readString(SHOP.resolve("main.tf"));
    Files.writeString(a.resolve("main.tf"), tf);
    // without the DNS record, the CloudFront distribution is the entry: a shorter chain to the same database
    Files.writeString(b.resolve("main.tf"), tf.replace("resource \"aws_route53_record\" \"www\"",
        "resource \"aws_route53_zone\" \"www\""));
    JsonNode withDns = finding(scanJson(a), "SPOF-RDS-001");
    JsonNode withoutDns = finding(scanJson(b), "SPOF-RDS-001");
    assertEquals(TO_ORDERS.subList(1, TO_ORDERS.size()), chain(withoutDns));
    assertNotEquals(chain(withDns), chain(withoutDns));
    assertEquals(withDns.get("fingerprint").asText(), withoutDns.get("fingerprint").asText());
  }

  @Test
  void sarifHasOneThreadFlowFromTheEntryToTheSpof() throws IOException {
    CliProcess.Result r = CliProcess.run(SHOP, "scan", ".", "-f", "sarif", "--fail-on", "none");
    assertEquals(0, r.exit(), r.toString());
    Files.createDirectories(Path.of("target", "test-sarif"));
    Files.writeString(Path.of("target", "test-sarif", "shop-code-flows.sarif"), r.out());
    JsonNode redis = null;
    for (JsonNode res : JSON.readTree(r.out()).get("runs").get(0).get("results")) {
      if (res.get("ruleId").asText().equals("SPOF-K8S-013")) {
        redis = res;
      } else if (res.get("ruleId").asText().equals("SPOF-NAT-001")) {
        assertFalse(res.has("codeFlows"), res.toString());
      }
    }
    assertTrue(redis != null, r.out());
    assertEquals(1, redis.get("codeFlows").size());
    JsonNode locations = redis.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
    List<String> lines = new ArrayList<>();
    // URIs are relative to the repository root; the file name and line are what this test pins
    locations.forEach(l -> lines.add(l.get("location").get("physicalLocation").get("artifactLocation").get("uri")
        .asText().replaceFirst("^.*/", "") + ":" + l.get("location").get("physicalLocation").get("region").get("startLine").asInt()));
    assertEquals(List.of("k8s.yaml:3", "k8s.yaml:21", "k8s.yaml:33", "k8s.yaml:59", "k8s.yaml:70"), lines);
    assertEquals("uses Service/shop/sessions", locations.get(3).get("location").get("message").get("text").asText());
    assertTrue(redis.get("message").get("text").asText().contains("Breaks flow admin.shop.example.net: "
        + "Ingress/shop/admin -> Service/shop/admin -> Deployment/shop/admin -> Service/shop/sessions -> "
        + "Deployment/shop/sessions."), redis.toString());
  }

  @Test
  void githubAnnotationsNameTheFlow() {
    CliProcess.Result gh = CliProcess.run(SHOP, "scan", ".", "-f", "github", "--fail-on", "none", "--compact");
    assertTrue(gh.out().contains("no standby to fail over to. Breaks flow www.shop.example.net: aws_route53_record.www"
        + " -> aws_cloudfront_distribution.edge -> "), gh.toString());
  }

  @Test
  void textAndMarkdownShowTheChain() {
    CliProcess.Result text = CliProcess.run(SHOP, "scan", ".", "--fail-on", "none");
    assertTrue(text.out().contains("           breaks: flow www.shop.example.net: aws_route53_record.www -> "
        + "aws_cloudfront_distribution.edge -> aws_lb.web"), text.toString());
    CliProcess.Result md = CliProcess.run(SHOP, "scan", ".", "-f", "markdown", "--fail-on", "none");
    assertTrue(md.out().contains(" — breaks flow admin.shop.example.net: Ingress/shop/admin -&gt; Service/shop/admin"),
        md.toString());
  }
}
