package io.spofscan.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub's limits: 25,000 SARIF results per run, a 1 MiB step summary, 10 annotations of a kind per step. */
class GithubLimitsTest {
  private static final RuleMeta HIGH = new RuleMeta("SPOF-X-001", "Thing runs in one zone", Severity.HIGH,
      List.of(Format.TERRAFORM), "One zone outage stops it.", "Spread it over zones.", List.of("aws"), List.of(),
      "**help**");
  private static final RuleMeta LOW = new RuleMeta("SPOF-X-002", "Thing has one replica", Severity.LOW,
      List.of(Format.TERRAFORM), "One crash stops it.", "Run two.", List.of("aws"), List.of(), "**help**");

  private static Finding finding(RuleMeta rule, boolean certain, int n) {
    return new Finding(rule.id(), rule.severity(), certain, "thing.t" + n + " is alone " + "x".repeat(60),
        SourceRange.at("f" + (n % 97) + ".tf", n + 1, 1), Format.TERRAFORM, "thing", "thing.t" + n, List.of(),
        "fp" + rule.id() + n);
  }

  /** {@code lows} low findings, {@code unknowns} unknown high ones, {@code highs} certain high ones. */
  private static ScanReport report(int highs, int unknowns, int lows) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < lows; i++) {
      findings.add(finding(LOW, true, i));
    }
    for (int i = 0; i < unknowns; i++) {
      findings.add(finding(HIGH, false, lows + i));
    }
    for (int i = 0; i < highs; i++) {
      findings.add(finding(HIGH, true, lows + unknowns + i));
    }
    return new ScanReport("1.0.0", List.of(HIGH, LOW), findings.stream().sorted().toList(), List.of(), 97,
        findings.size());
  }

  private static long count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  @Test
  void sarifKeepsTheMostSevere25000ResultsAndSaysHowManyWereLeftOut() {
    String sarif = new SarifReport(false, null, null).render(report(100, 200, 25_000));
    assertEquals(SarifReport.MAX_RESULTS, count(sarif, "\"ruleId\": "));
    assertEquals(0, count(sarif, "\"certain\": false"), "unknown findings go before certain low ones");
    assertEquals(100, count(sarif, "\"ruleId\": \"SPOF-X-001\""), "every certain high finding is kept");
    assertTrue(sarif.contains("\"text\": \"300 less severe findings were left out: GitHub code scanning accepts at "
        + "most 25000 results per run"), "a notification says so");

    String small = new SarifReport(false, null, null).render(report(3, 1, 0));
    assertEquals(4, count(small, "\"ruleId\": "));
    assertTrue(!small.contains("left out"), small);
  }

  @Test
  void theStepSummaryStaysUnderOneMebibyteAndSaysWhatItLeftOut() {
    ScanReport report = report(50, 0, 20_000);
    String markdown = new MarkdownReport(null).render(report);
    assertTrue(markdown.getBytes(StandardCharsets.UTF_8).length <= MarkdownReport.MAX_BYTES, "within 1 MiB");
    assertTrue(markdown.contains("less severe findings are not listed:** a step summary holds at most 1 MiB"));
    assertTrue(markdown.contains("How to fix"), "the rest of the summary is still there");
    long highRows = markdown.lines().filter(l -> l.startsWith("| high | SPOF-X-001")).count();
    assertEquals(50, highRows, "the most severe are listed first");

    String whole = new MarkdownReport(null).render(report(5, 0, 5));
    assertTrue(!whole.contains("not listed"), whole);
  }

  @Test
  void annotationsShowTheMostSevereTenPerKindAndCountTheRest() {
    String out = new GithubReport().render(report(12, 0, 3));
    List<String> errors = out.lines().filter(l -> l.startsWith("::error ")).toList();
    assertEquals(10, errors.size(), out);
    assertEquals("::error title=spofscan%3A 3 more::3 more errors not annotated (GitHub shows 10 per kind and step, "
        + "the most severe are above): see the step summary, the SARIF log or the lines below in the job log",
        errors.get(9));
    assertEquals(3, out.lines().filter(l -> l.startsWith("::notice file=")).count(), "3 lows fit");
    assertEquals(3, out.lines().filter(l -> l.contains(": error: SPOF-X-001")).count(), "the rest as log lines");
  }
}
