package io.spofscan.core.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.Severity;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressorTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  private static final String TF = """
      # spofscan:ignore SPOF-RDS-001 scratch database, rebuilt nightly
      resource "aws_db_instance" "scratch" {
        multi_az = false
      }

      resource "aws_db_instance" "orders" {
        multi_az = false # spofscan:ignore SPOF-RDS-001
      }

      resource "aws_db_instance" "old" {
        // spofscan:ignore SPOF-RDS-001 until=2026-01-31 migration in January
        multi_az = false
      }

      resource "aws_db_instance" "fine" {
        /* spofscan:ignore SPOF-REDIS-001 -- left over */
        multi_az = true
      }
      """;

  private static Finding finding(String address, int line) {
    return new Finding("SPOF-RDS-001", Severity.HIGH, true, address + " runs in one zone",
        SourceRange.at("db.tf", line, 3), Format.TERRAFORM, "aws_db_instance", address, List.of(), "fp-" + address);
  }

  private static Resource resource(String address, int headerLine) {
    return Resource.of(Format.TERRAFORM, "aws_db_instance", address, SourceRange.at("db.tf", headerLine, 1),
        new Value.MapValue(Map.of(), SourceRange.at("db.tf", headerLine, 1)), List.of());
  }

  private final List<Resource> resources = List.of(resource("aws_db_instance.scratch", 2),
      resource("aws_db_instance.orders", 6), resource("aws_db_instance.old", 10), resource("aws_db_instance.fine", 15));

  private Suppressor.Result apply() {
    List<Finding> findings = List.of(finding("aws_db_instance.scratch", 3), finding("aws_db_instance.orders", 7),
        finding("aws_db_instance.old", 12));
    return new Suppressor(TODAY).apply(findings, resources, SuppressionFinder.comments("db.tf", TF));
  }

  @Test
  void aReasonedCommentAboveTheHeaderSuppressesAndKeepsTheJustification() {
    Suppressor.Result r = apply();
    assertEquals(1, r.suppressed().size());
    Suppressed s = r.suppressed().get(0);
    assertEquals("aws_db_instance.scratch", s.finding().resourceAddress());
    assertEquals("scratch database, rebuilt nightly", s.justification());
    assertEquals(1, s.where().line());
  }

  @Test
  void aSuppressionWithoutReasonIsNotHonouredAndIsReported() {
    Suppressor.Result r = apply();
    assertTrue(r.findings().stream().anyMatch(f -> f.resourceAddress().equals("aws_db_instance.orders")
        && f.ruleId().equals("SPOF-RDS-001")), "finding stays");
    Finding meta = only(r, MetaRules.MISSING_REASON);
    assertEquals(7, meta.location().line());
    assertEquals(20, meta.location().column());
  }

  @Test
  void anExpiredSuppressionReturnsTheFindingAndSaysSo() {
    Suppressor.Result r = apply();
    assertTrue(r.findings().stream().anyMatch(f -> f.resourceAddress().equals("aws_db_instance.old")
        && f.ruleId().equals("SPOF-RDS-001")));
    Finding meta = only(r, MetaRules.EXPIRED);
    assertEquals(11, meta.location().line());
    assertTrue(meta.message().contains("2026-01-31"), meta.message());
  }

  @Test
  void aSuppressionMatchingNothingIsStale() {
    Finding meta = only(apply(), MetaRules.STALE);
    assertEquals(16, meta.location().line());
    assertTrue(meta.message().contains("SPOF-REDIS-001"));
  }

  @Test
  void beforeItsExpiryASuppressionHolds() {
    Suppressor.Result r = new Suppressor(LocalDate.of(2026, 1, 31)).apply(
        List.of(finding("aws_db_instance.old", 12)), resources, SuppressionFinder.comments("db.tf", TF));
    assertEquals(1, r.suppressed().size());
  }

  @Test
  void aSuppressionElsewhereInTheFileDoesNotApply() {
    Suppressor.Result r = new Suppressor(TODAY).apply(List.of(finding("aws_db_instance.fine", 17)), resources,
        SuppressionFinder.comments("db.tf", "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n# spofscan:ignore SPOF-RDS-001 x\n"));
    assertEquals(0, r.suppressed().size());
  }

  @Test
  void cloudFormationMetadataAndKubernetesAnnotationsSuppressTheirResource() {
    Map<String, Value> item = new LinkedHashMap<>();
    item.put("id", Value.of("SPOF-RDS-001", SourceRange.at("t.yaml", 6, 15)));
    item.put("reason", Value.of("dev only", SourceRange.at("t.yaml", 7, 15)));
    Value.MapValue cfnBody = new Value.MapValue(Map.of("Metadata", new Value.MapValue(Map.of("spofscan",
        new Value.MapValue(Map.of("ignore", new Value.ListValue(List.of(new Value.MapValue(item,
            SourceRange.at("t.yaml", 6, 13))), SourceRange.at("t.yaml", 5, 9))), SourceRange.at("t.yaml", 4, 7))),
        SourceRange.at("t.yaml", 3, 5))), SourceRange.at("t.yaml", 2, 3));
    Resource db = Resource.of(Format.CLOUDFORMATION, "AWS::RDS::DBInstance", "Db", SourceRange.at("t.yaml", 2, 3),
        cfnBody, List.of());
    Value.MapValue k8sBody = new Value.MapValue(Map.of("metadata", new Value.MapValue(Map.of("annotations",
        new Value.MapValue(Map.of(SuppressionFinder.ANNOTATION, Value.of(
            "SPOF-K8S-001: singleton by design; SPOF-K8S-002 until=2020-01-01: old", SourceRange.at("k.yaml", 5, 5))),
            SourceRange.at("k.yaml", 4, 3))), SourceRange.at("k.yaml", 3, 1))), SourceRange.at("k.yaml", 1, 1));
    Resource web = Resource.of(Format.KUBERNETES, "apps/v1 Deployment", "Deployment/default/web",
        SourceRange.at("k.yaml", 1, 1), k8sBody, List.of());
    Finding rds = new Finding("SPOF-RDS-001", Severity.HIGH, true, "Db", SourceRange.at("t.yaml", 20, 7),
        Format.CLOUDFORMATION, "AWS::RDS::DBInstance", "Db", List.of(), "a");
    Finding k8s = new Finding("SPOF-K8S-001", Severity.HIGH, true, "web", SourceRange.at("k.yaml", 9, 3),
        Format.KUBERNETES, "apps/v1 Deployment", "Deployment/default/web", List.of(), "b");
    Suppressor.Result r = new Suppressor(TODAY).apply(List.of(rds, k8s), List.of(db, web), List.of());
    assertEquals(2, r.suppressed().size());
    assertEquals("dev only", r.suppressed().get(0).justification());
    assertEquals("singleton by design", r.suppressed().get(1).justification());
    // the second annotation entry matches nothing (and has expired): stale
    assertEquals(1, r.findings().size());
    assertEquals(MetaRules.STALE, r.findings().get(0).ruleId());
  }

  @Test
  void directivesParseIdsExpiryAndReason() {
    Suppression s = SuppressionFinder.comments("a.tf", "  # spofscan:ignore spof-rds-001, SPOF-RDS-002 "
        + "until=2027-03-01 -- staging only").get(0);
    assertEquals(List.of("SPOF-RDS-001", "SPOF-RDS-002"), s.ruleIds());
    assertEquals(LocalDate.of(2027, 3, 1), s.until().orElseThrow());
    assertEquals("staging only", s.reason());
    Suppression bad = SuppressionFinder.comments("a.tf", "# spofscan:ignore SPOF-RDS-001 until=soon reason")
        .get(0);
    assertTrue(!bad.hasReason(), "an unreadable date invalidates the suppression");
  }

  private static Finding only(Suppressor.Result r, String ruleId) {
    List<Finding> found = r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertEquals(1, found.size(), ruleId + " in " + r.findings());
    assertTrue(!found.get(0).fingerprint().isEmpty());
    return found.get(0);
  }
}
