package io.spofscan.core.report;

import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.suppress.Suppressed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI test tabs: one test suite per rule, one test case per rule and resource. A certain finding is a
 * failure, an uncertain one or a suppressed one is skipped (with the reason), and a rule that found nothing has one
 * passing case, so a clean scan still shows what was checked.
 */
public final class JunitReport implements ReportWriter {

  private record Case(String resource, String path, List<Finding> findings, String skipReason) {}

  @Override
  public String render(ScanReport report) {
    Map<String, Map<String, Case>> byRule = new LinkedHashMap<>();
    for (RuleMeta rule : report.rules()) {
      byRule.put(rule.id(), new LinkedHashMap<>());
    }
    for (Finding f : report.findings()) {
      cases(byRule, f.ruleId()).computeIfAbsent(f.location().path() + " " + f.resourceAddress(),
          k -> new Case(f.resourceAddress(), f.location().path(), new ArrayList<>(), null)).findings().add(f);
    }
    for (Suppressed s : report.suppressed()) {
      Finding f = s.finding();
      cases(byRule, f.ruleId()).putIfAbsent(f.location().path() + " " + f.resourceAddress(),
          new Case(f.resourceAddress(), f.location().path(), List.of(), "suppressed: " + s.justification()));
    }
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    StringBuilder suites = new StringBuilder();
    for (Map.Entry<String, Map<String, Case>> rule : byRule.entrySet()) {
      RuleMeta meta = report.rule(rule.getKey());
      StringBuilder body = new StringBuilder();
      int suiteTests = 0;
      int suiteFailures = 0;
      int suiteSkipped = 0;
      if (rule.getValue().isEmpty()) {
        suiteTests = 1;
        body.append("    <testcase classname=\"").append(xml(meta.id())).append("\" name=\"")
            .append(xml("no " + meta.title().toLowerCase(java.util.Locale.ROOT))).append("\"/>\n");
      }
      for (Case c : rule.getValue().values()) {
        suiteTests++;
        body.append("    <testcase classname=\"").append(xml(meta.id())).append("\" name=\"")
            .append(xml(c.resource())).append("\" file=\"").append(xml(c.path())).append("\">\n");
        List<Finding> certain = c.findings().stream().filter(Finding::certain).toList();
        if (!certain.isEmpty()) {
          suiteFailures++;
          StringBuilder detail = new StringBuilder();
          for (Finding f : certain) {
            detail.append(f.location()).append(": ").append(f.message()).append('\n');
          }
          detail.append("Fix: ").append(meta.remediation());
          body.append("      <failure type=\"").append(xml(certain.get(0).severity().label())).append("\" message=\"")
              .append(xml(certain.get(0).message())).append("\">").append(xml(detail.toString()))
              .append("</failure>\n");
        } else {
          suiteSkipped++;
          String reason = c.skipReason() != null ? c.skipReason()
              : "unknown: " + c.findings().get(0).message();
          body.append("      <skipped message=\"").append(xml(reason)).append("\"/>\n");
        }
        body.append("    </testcase>\n");
      }
      tests += suiteTests;
      failures += suiteFailures;
      skipped += suiteSkipped;
      suites.append("  <testsuite name=\"").append(xml(meta.id() + " " + meta.title())).append("\" tests=\"")
          .append(suiteTests).append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"")
          .append(suiteSkipped).append("\">\n").append(body).append("  </testsuite>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"spofscan\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\""
        + skipped + "\">\n" + suites + "</testsuites>\n";
  }

  private static Map<String, Case> cases(Map<String, Map<String, Case>> byRule, String ruleId) {
    return byRule.computeIfAbsent(ruleId, k -> new LinkedHashMap<>());
  }

  /** XML attribute/text escaping; characters XML 1.0 cannot carry become U+FFFD. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
          if (legal) {
            b.appendCodePoint(cp);
          } else {
            b.append('\uFFFD');
          }
        }
      }
    });
    return b.toString();
  }
}
