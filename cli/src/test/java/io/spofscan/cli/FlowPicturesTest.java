package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pictures of {@code spofscan flows} stay readable on large inputs: replicas collapse into one node, a picture draws
 * at most 60 nodes (SPOFs first) and says how many it left out, one output at most 400 nodes in all.
 */
class FlowPicturesTest {
  private static final Path TESTDATA = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .toAbsolutePath().normalize();
  private static final Pattern MERMAID_NODE = Pattern.compile("(?m)^ {4}(f\\d+)n\\d+[\\[{]");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mermaid", "dot", "html"})
  void identicalReplicasAreOneNode(String format) {
    CliProcess.Result r = CliProcess.run(TESTDATA.getParent(), "flows", "-f", format, "testdata/flows/replicas");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("aws_autoscaling_group.web[0..3]"), r.out());
    assertTrue(r.out().contains("×4"), r.out());
    assertFalse(r.out().contains("aws_autoscaling_group.web[1]"), r.out());
    assertTrue(r.out().contains("SPOF-RDS-001"), "the database behind the replicas is still drawn: " + r.out());
  }

  @Test
  void textStillListsEveryReplica() {
    CliProcess.Result r = CliProcess.run(TESTDATA.getParent(), "flows", "testdata/flows/replicas");
    assertTrue(r.out().contains("aws_autoscaling_group.web[3]"), r.out());
  }

  /**
   * Seven DNS names, each routing to 70 queues; the first also to a single-AZ database named last, so breadth-first
   * order alone would cut it off.
   */
  private Path wideFlows() throws IOException {
    StringBuilder tf = new StringBuilder();
    for (int r = 0; r < 7; r++) {
      tf.append("resource \"aws_route53_record\" \"r").append(r).append("\" {\n  zone_id = \"Z1\"\n  name = \"r")
          .append(r).append(".cap.example.net\"\n  type = \"CNAME\"\n  ttl = 60\n  records = [");
      for (int q = 0; q < 70; q++) {
        tf.append("aws_sqs_queue.q").append(q).append(".url, ");
      }
      tf.append(r == 0 ? "aws_db_instance.last.address" : "").append("]\n}\n\n");
    }
    for (int q = 0; q < 70; q++) {
      tf.append("resource \"aws_sqs_queue\" \"q").append(q).append("\" {\n  name = \"q").append(q).append("\"\n}\n\n");
    }
    tf.append("resource \"aws_db_instance\" \"last\" {\n  engine = \"postgres\"\n  instance_class = \"db.t3.small\"\n"
        + "  multi_az = false\n}\n");
    Files.writeString(dir.resolve("main.tf"), tf);
    return dir;
  }

  @Test
  void picturesAreCappedAndKeepTheirSpofs() throws IOException {
    Path in = wideFlows();
    CliProcess.Result r = CliProcess.run(in, "flows", "-f", "mermaid", ".");
    assertEquals(0, r.exit(), r.toString());
    java.util.Map<String, Integer> perFlow = new java.util.TreeMap<>();
    Matcher m = MERMAID_NODE.matcher(r.out());
    int total = 0;
    while (m.find()) {
      perFlow.merge(m.group(1), 1, Integer::sum);
      total++;
    }
    assertTrue(perFlow.values().stream().allMatch(n -> n == 60), perFlow.toString());
    assertTrue(total <= 400, "nodes in all: " + total);
    assertEquals(6, perFlow.size(), r.out());
    // the flow with the SPOF comes first and keeps it, though it is its last hop
    assertTrue(r.out().matches("(?s).*f1n\\d+\\[\"aws_db_instance.last<br/>SPOF-RDS-001.*"),
        r.out());
    assertTrue(r.out().contains("f1more[\"12 more not shown\"]"), r.out());
    assertTrue(r.out().contains("f2more[\"11 more not shown\"]"), r.out());
    assertTrue(r.out().contains("more[\"1 more flow not shown\"]"), r.out());
  }

  @Test
  void htmlNamesTheFlowsItDidNotDraw() throws IOException {
    Path in = wideFlows();
    CliProcess.Result r = CliProcess.run(in, "flows", "-f", "html", ".");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(6, r.out().split("<section class=\"flow\"", -1).length - 1);
    assertTrue(r.out().contains("1 more flow not drawn: r"), r.out());
    assertTrue(r.out().contains("12 more not shown"), r.out());
  }
}
