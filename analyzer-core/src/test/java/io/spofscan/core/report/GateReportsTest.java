package io.spofscan.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import io.spofscan.core.suppress.Suppressed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class GateReportsTest {
  private static final RuleMeta RULE = new RuleMeta("SPOF-X-001", "Thing runs in one zone", Severity.HIGH,
      List.of(Format.TERRAFORM), "One zone outage stops it.", "Spread it | over zones.", List.of("aws"), List.of(),
      "**help**");

  private static Finding finding(String message, boolean certain, int line) {
    return new Finding("SPOF-X-001", Severity.HIGH, certain, message, SourceRange.at("dir,a/x:y.tf", line, 3),
        Format.TERRAFORM, "thing", "thing.y" + line, List.of(), "fp" + line);
  }

  private static ScanReport report() {
    Finding suppressedOne = finding("accepted", true, 30);
    return new ScanReport("1.2.3", List.of(RULE),
        List.of(finding("50% <down>\nnow | really", true, 4), finding("maybe", false, 9)),
        List.of(Diagnostic.error(SourceRange.at("bad.yaml", 2, 7), "unexpected end of mapping")), 2, 3,
        List.of(new Suppressed(suppressedOne, "dev only", SourceRange.at("dir,a/x:y.tf", 29, 1))), null);
  }

  @Test
  void githubCommandsAreEscapedLikeTheActionsToolkit() {
    String out = new GithubReport().render(report());
    String first = out.lines().findFirst().orElseThrow();
    assertEquals("::error file=dir%2Ca/x%3Ay.tf,line=4,col=3,title=SPOF-X-001 Thing runs in one zone::"
        + "50%25 <down>%0Anow | really Fix: Spread it | over zones.", first);
    assertTrue(out.contains("::notice file=dir%2Ca/x%3Ay.tf,line=9,col=3,title=SPOF-X-001 Thing runs in one zone"
        + " (unknown)::maybe"));
    assertTrue(out.contains("::error file=bad.yaml,line=2,col=7,"));
    assertEquals(3, out.lines().count(), "suppressed findings are not annotated");
  }

  @Test
  void junitIsWellFormedWithFailuresSkipsAndCounts() throws Exception {
    String xml = new JunitReport().render(report());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals("3", doc.getDocumentElement().getAttribute("tests"));
    assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
    assertEquals("2", doc.getDocumentElement().getAttribute("skipped"));
    assertEquals(1, doc.getElementsByTagName("failure").getLength());
    assertTrue(xml.contains("suppressed: dev only"));
  }

  @Test
  void markdownHasCountsLinkedRowsAndEscapedCells() {
    String md = new MarkdownReport("https://github.com/o/r/blob/abc/").render(report());
    assertTrue(md.contains("| high | 1 |"), md);
    assertTrue(md.contains("| suppressed | 1 |"), md);
    assertTrue(md.contains("[dir,a/x:y.tf:4](https://github.com/o/r/blob/abc/dir%2Ca/x%3Ay.tf#L4)"), md);
    assertTrue(md.contains("50% &lt;down&gt; now \\| really"), md);
    assertTrue(md.contains("<details><summary>How to fix</summary>"), md);
    assertTrue(md.contains("unexpected end of mapping"), md);
  }

  @Test
  void sarifLeavesSuppressedOutUnlessAskedThenMarksThem() {
    String plain = new SarifReport(false, null, null).render(report());
    assertTrue(!plain.contains("accepted"));
    String with = new SarifReport(false, "iac/", null, true).render(report());
    assertTrue(with.contains("\"kind\": \"inSource\""), with);
    assertTrue(with.contains("\"justification\": \"dev only\""));
    assertTrue(with.contains("\"id\": \"iac/\""));
  }

  @Test
  void jsonAlwaysListsSuppressedAndTextCountsThem() {
    String json = new JsonReport().render(report());
    assertTrue(json.contains("\"suppressed\": 1"), json);
    assertTrue(json.contains("\"justification\": \"dev only\""));
    String text = new TextReport(false).render(report());
    assertTrue(text.contains("1 suppressed"), text);
    assertTrue(!text.contains("accepted"));
  }
}
