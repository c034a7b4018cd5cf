package io.spofscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The markdown report (the GitHub step summary) draws each flow with a SPOF as a Mermaid diagram, SPOF nodes in the
 * {@code spof} class, after the findings; a scan without flows has no flows section.
 */
class MarkdownFlowsEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("spofscan.testdata", "../testdata"))
      .toAbsolutePath().normalize().getParent();
  private static final Pattern DIAGRAM = Pattern.compile("(?s)```mermaid\n(.*?)```");

  @Test
  void everyFlowWithASpofIsADiagramWithItsSpofsHighlighted() throws IOException {
    CliProcess.Result md = CliProcess.run(REPO, "scan", "--fail-on", "none", "-f", "markdown",
        "testdata/examples/shop");
    assertEquals(0, md.exit(), md.toString());
    String out = md.out();
    assertTrue(out.indexOf("### Flows") > out.indexOf("| Severity | Rule |"), "flows come after the findings: " + out);

    // what to expect comes from the flows command's JSON: the flows with SPOFs and their rule ids
    JsonNode flows = new ObjectMapper().readTree(CliProcess.run(REPO, "flows", "-f", "json",
        "testdata/examples/shop").out()).path("flows");
    List<JsonNode> withSpof = new ArrayList<>();
    flows.forEach(f -> {
      if (f.path("hasSpof").asBoolean()) {
        withSpof.add(f);
      }
    });
    Matcher m = DIAGRAM.matcher(out);
    List<String> diagrams = new ArrayList<>();
    while (m.find()) {
      diagrams.add(m.group(1));
    }
    assertEquals(withSpof.size(), diagrams.size(), out);
    for (int i = 0; i < diagrams.size(); i++) {
      String d = diagrams.get(i);
      assertTrue(d.startsWith("flowchart LR\n"), d);
      int spofHops = 0;
      for (JsonNode hop : withSpof.get(i).path("hops")) {
        for (JsonNode spof : hop.path("spofs")) {
          assertTrue(d.contains("<br/>" + spof.path("ruleId").asText()), d);
        }
        spofHops += hop.has("spofs") ? 1 : 0;
      }
      Matcher cls = Pattern.compile("(?m)^  class (\\S+) spof$").matcher(d);
      assertTrue(cls.find(), d);
      assertEquals(spofHops, cls.group(1).split(",").length, d);
      assertTrue(out.contains("**" + withSpof.get(i).path("name").asText() + "**"), out);
    }
  }

  @Test
  void replicasAreOneNodeInTheSummary() {
    CliProcess.Result md = CliProcess.run(REPO, "scan", "--fail-on", "none", "-f", "markdown",
        "testdata/flows/replicas");
    assertTrue(md.out().contains("aws_autoscaling_group.web[0..3] ×4"), md.out());
  }

  @Test
  void noFlowsNoSection(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), "resource \"aws_sqs_queue\" \"jobs\" {\n  name = \"jobs\"\n}\n");
    CliProcess.Result md = CliProcess.run(dir, "scan", "--fail-on", "none", "-f", "markdown", ".");
    assertEquals(0, md.exit(), md.toString());
    assertTrue(md.out().startsWith("## spofscan: "), md.out());
    assertFalse(md.out().contains("### Flows"), md.out());
    assertFalse(md.out().contains("```mermaid"), md.out());
  }
}
