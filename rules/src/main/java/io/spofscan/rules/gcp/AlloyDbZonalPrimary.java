package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.ALLOYDB_INSTANCE_TYPE;
import static io.spofscan.rules.catalog.Attrs.AVAILABILITY_TYPE_TOP;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import io.spofscan.rules.support.Verdict;
import java.util.Set;

@RuleInfo(
    id = "SPOF-ALLOYDB-001",
    title = "AlloyDB primary instance without high availability (ZONAL)",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A PRIMARY AlloyDB instance with availability_type = \"ZONAL\" (a basic instance) has one node and "
        + "no standby: a node failure or a zone outage stops every write and read it serves until it is "
        + "recreated. REGIONAL, the default, keeps a standby node in another zone with automatic failover.",
    remediation = "Remove availability_type or set availability_type = \"REGIONAL\" on the PRIMARY "
        + "google_alloydb_instance.",
    tags = {"gcp", "alloydb", "database", "availability-zone"},
    references = {
        "https://cloud.google.com/alloydb/docs/instance-primary-create",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/alloydb_instance"})
public final class AlloyDbZonalPrimary implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ALLOYDB_INSTANCE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value type = r.attr(ALLOYDB_INSTANCE_TYPE);
    if (type.isUnknown()) {
      if (Values.lower(r.attr(AVAILABILITY_TYPE_TOP)).map("zonal"::equals).orElse(false)) {
        report.unknown(r, type, "%s is ZONAL and has no standby if it is the primary: instance_type depends on %s",
            r.address(), Values.why(type));
      }
      return;
    }
    if (!Values.lower(type).map("primary"::equals).orElse(false)) {
      return; // read pools and secondaries: the primary carries the database's availability
    }
    Verdict v = Verdict.of(r);
    v.oneOf(AVAILABILITY_TYPE_TOP, "REGIONAL", Set.of("zonal"),
        "it is a single node with no standby, so a node or zone failure stops the database");
    v.report(report, "has no standby", "may have no standby");
  }
}
