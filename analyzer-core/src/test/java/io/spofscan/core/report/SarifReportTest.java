package io.spofscan.core.report;

import io.spofscan.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private static final RuleMeta RULE = new RuleMeta("SPOF-X-001", "Thing runs in one zone", Severity.HIGH,
      List.of(Format.TERRAFORM), "One zone outage stops it.", "Spread it.", List.of("aws"), List.of(), "**help**");

  private static ScanReport report(String path) {
    Finding f = new Finding("SPOF-X-001", Severity.HIGH, true, "x.y runs in one zone", SourceRange.at(path, 4, 3),
        Format.TERRAFORM, "thing", "thing.y", List.of(), "abc123");
    return new ScanReport("1.2.3", List.of(RULE), List.of(f), List.of(), 1, 1);
  }

  @Test
  void pathsArePercentEncodedRelativeUris() {
    String sarif = new SarifReport(false, null, null).render(report("infra dir/ü.tf"));
    assertTrue(sarif.contains("\"uri\": \"infra%20dir/%C3%BC.tf\""), sarif);
    assertTrue(sarif.contains("\"uriBaseId\": \"%SRCROOT%\""));
  }

  @Test
  void oneRunOwnFingerprintNoLineHashNoSecuritySeverityByDefault() {
    String sarif = new SarifReport(false, null, null).render(report("main.tf"));
    assertEquals(1, sarif.split("\"tool\"").length - 1, "exactly one run");
    assertTrue(sarif.contains("\"spofscan/v1\": \"abc123\""));
    assertFalse(sarif.contains("primaryLocationLineHash"));
    assertFalse(sarif.contains("security-severity"));
    assertTrue(sarif.contains("\"startLine\": 4"));
    assertTrue(sarif.contains("\"ruleIndex\": 0"));
  }

  @Test
  void securitySeverityAndCategoryOnRequest() {
    String sarif = new SarifReport(true, "infra", null).render(report("main.tf"));
    assertTrue(sarif.contains("\"security-severity\": \"8.0\""));
    assertTrue(sarif.contains("\"id\": \"infra/\""));
  }

  @Test
  void jsonEscapesControlCharacters() {
    assertEquals("\"a\\u0007b\\n\"\n", Json.write("a\u0007b\n"));
  }
}
