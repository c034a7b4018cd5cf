package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.MIG_ZONE;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import java.util.List;

@RuleInfo(
    id = "SPOF-GCE-001",
    title = "Zonal managed instance group with no group in another zone",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "A google_compute_instance_group_manager keeps every instance in one zone: autohealing replaces "
        + "failed VMs, but a zone outage stops the whole group. Regional groups spread the same instances over "
        + "several zones.",
    remediation = "Use google_compute_region_instance_group_manager with region (and distribution_policy_zones) "
        + "instead, or run zonal groups in at least two zones behind the same backend service.",
    tags = {"gcp", "compute-engine", "instance-group", "availability-zone"},
    references = {
        "https://cloud.google.com/compute/docs/instance-groups/regional-migs",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/"
            + "compute_region_instance_group_manager"})
public final class ZonalManagedInstanceGroup implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ZONAL_MIG);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value zone = r.attr(MIG_ZONE);
    // Precision: zonal groups written side by side in other zones (or fanned out by count/for_each) are the
    // usual way to spread them; only a group with no sibling in another zone is a single zone.
    List<Resource> siblings = model.all(Kinds.ZONAL_MIG).stream()
        .filter(o -> o != r && Links.scope(o).equals(Links.scope(r))).toList();
    for (Resource o : siblings) {
      Value other = o.attr(MIG_ZONE);
      if (other.isUnknown() || zone.isUnknown()) {
        Value why = zone.isUnknown() ? zone : other;
        report.unknown(r, why, "%s is zonal; whether %s runs in another zone depends on %s", r.address(),
            o.address(), Values.why(why));
        return;
      }
      if (other.asString().isPresent() && !other.asString().equals(zone.asString())) {
        return;
      }
    }
    if (!r.certainlyExists()) {
      // the reporter adds what the instances depend on
      report.unknown(r, zone, "%s is zonal; count/for_each may create one group per zone", r.address());
      return;
    }
    String where = zone.isUnknown() ? "one zone (" + Values.why(zone) + ")"
        : zone.asString().map(z -> "zone " + z).orElse("the provider's default zone");
    report.at(r, zone, "%s is a zonal managed instance group in %s with no group in another zone: a zone outage "
        + "stops every instance", r.address(), where);
  }
}
