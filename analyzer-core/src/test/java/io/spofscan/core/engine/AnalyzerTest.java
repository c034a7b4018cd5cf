package io.spofscan.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  @RuleInfo(id = "TEST-001", title = "Flag is off", severity = Severity.HIGH, formats = Format.TERRAFORM,
      rationale = "r", remediation = "turn it on", tags = "test")
  static final class FlagOff implements ResourceRule {
    @Override
    public boolean appliesTo(Resource r) {
      return r.type().equals("thing");
    }

    @Override
    public void check(Resource r, Model model, Reporter report) {
      Value flag = r.attr("flag");
      switch (flag.truth(false)) {
        case FALSE -> report.at(r, flag, "%s has flag off", r.address());
        case UNKNOWN -> report.unknown(r, flag, "%s: flag depends on %s", r.address(), flag.unknownReason().orElse("?"));
        case TRUE -> { }
      }
    }
  }

  @RuleInfo(id = "TEST-002", title = "Broken", severity = Severity.LOW, formats = Format.TERRAFORM,
      rationale = "r", remediation = "x", tags = "test")
  static final class Broken implements ResourceRule {
    @Override
    public boolean appliesTo(Resource r) {
      return true;
    }

    @Override
    public void check(Resource r, Model model, Reporter report) {
      throw new IllegalStateException("boom");
    }
  }

  private static Resource thing(String name, int line, Value flag) {
    SourceRange header = SourceRange.at("main.tf", line, 1);
    Map<String, Value> body = flag.isAbsent() ? Map.of() : Map.of("flag", flag);
    return Resource.of(Format.TERRAFORM, "thing", "thing." + name, header, new Value.MapValue(body, header), List.of());
  }

  @Test
  void findingsPointAtTheAttributeOrTheHeaderAndAreSorted() {
    Model model = new Model(List.of(
        thing("b", 10, Value.of(false, SourceRange.at("main.tf", 11, 3))),
        thing("a", 1, Value.absent()),
        thing("c", 20, Value.unknown("var.flag has no value", SourceRange.at("main.tf", 21, 3))),
        thing("d", 30, Value.of(true, SourceRange.at("main.tf", 31, 3)))), List.of());
    List<Finding> findings = new Analyzer(List.of(new FlagOff())).analyze(model).findings();
    assertEquals(List.of("1:1", "11:3", "21:3"),
        findings.stream().map(f -> f.location().line() + ":" + f.location().column()).toList());
    assertTrue(findings.get(0).certain());
    assertFalse(findings.get(2).certain(), "unknown input gives an uncertain finding, not a clean pass");
    assertEquals("note", findings.get(2).level());
  }

  @Test
  void fingerprintsIgnoreLinesButNotAddresses() {
    Finding atTop = only(thing("a", 1, Value.absent()));
    Finding movedDown = only(thing("a", 40, Value.absent()));
    Finding other = only(thing("b", 1, Value.absent()));
    assertEquals(atTop.fingerprint(), movedDown.fingerprint());
    assertNotEquals(atTop.fingerprint(), other.fingerprint());
  }

  @Test
  void aFailingRuleBecomesADiagnosticAndOthersStillReport() {
    Model model = new Model(List.of(thing("a", 1, Value.absent())), List.of());
    Analyzer.Analysis analysis = new Analyzer(List.of(new Broken(), new FlagOff())).analyze(model);
    assertEquals(1, analysis.findings().size());
    assertTrue(analysis.diagnostics().get(0).message().contains("TEST-002"));
  }

  @Test
  void uncertainExistenceDowngradesTheFinding() {
    SourceRange header = SourceRange.at("main.tf", 5, 1);
    Resource maybe = new Resource(Format.TERRAFORM, "thing", "thing.m", header, new Value.MapValue(Map.of(), header),
        List.of(), Value.unknown("count depends on var.enabled", header), List.of());
    Finding f = only(maybe);
    assertFalse(f.certain());
    assertTrue(f.message().contains("count depends on var.enabled"));
  }

  private static Finding only(Resource r) {
    List<Finding> fs = new Analyzer(List.of(new FlagOff())).analyze(new Model(List.of(r), List.of())).findings();
    assertEquals(1, fs.size());
    return fs.get(0);
  }
}
