package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.GCP_LOCATION;
import static io.spofscan.rules.catalog.Attrs.GCP_ZONE;
import static io.spofscan.rules.catalog.Attrs.GKE_AUTOPILOT;
import static io.spofscan.rules.catalog.Attrs.GKE_NODE_LOCATIONS;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.rules.support.Values;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
    id = "SPOF-GKE-001",
    title = "GKE cluster is zonal: one control plane in one zone",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A cluster whose location is a zone has a single control plane replica in that zone: a zone outage, "
        + "and every control-plane upgrade, makes the Kubernetes API unavailable (no deploys, no scaling, no "
        + "self-healing); unless node_locations adds other zones, every node sits in that zone too.",
    remediation = "Set location to a region (location = \"us-central1\") so GKE runs a regional control plane with "
        + "nodes in several zones; a location change recreates the cluster.",
    tags = {"gcp", "gke", "kubernetes", "availability-zone"},
    references = {
        "https://cloud.google.com/kubernetes-engine/docs/concepts/regional-clusters",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#location",
        "https://registry.terraform.io/modules/terraform-google-modules/kubernetes-engine/google/latest"})
public final class GkeZonalCluster implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.GKE_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    if (r.attr(GKE_AUTOPILOT).truth(false) == Truth.TRUE) {
      return; // Autopilot clusters are always regional
    }
    Value location = r.attr(GCP_LOCATION);
    String spelled = "location";
    if (!Values.present(location)) {
      location = r.attr(GCP_ZONE); // google provider < 4.0
      spelled = "zone";
    }
    if (!Values.present(location)) {
      return; // the provider's default location decides; not visible here
    }
    if (location.isUnknown()) {
      if (location.unknownReason().map(GkeZonalCluster::namesARegion).orElse(false)) {
        return; // location = var.region: an input named for a region holds a region
      }
      report.unknown(r, location, "%s may be a zonal cluster with one control plane: %s depends on %s",
          r.address(), spelled, Values.why(location));
      return;
    }
    String where = location.asString().orElse("");
    if (!GcpLocations.isZone(where)) {
      return;
    }
    report.at(r, location, "%s is a zonal cluster (%s = %s): its only control plane is in that zone, so a zone "
        + "outage or a control-plane upgrade stops the Kubernetes API%s", r.address(), spelled, where,
        nodes(r, where));
  }

  private static final Pattern REGION_INPUT = Pattern.compile("^(var|local)\\.[a-z0-9_]*region[a-z0-9_]*\\b.*");

  /** The unresolved value is an input or local whose name says region (and not zone). */
  static boolean namesARegion(String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    return REGION_INPUT.matcher(lower).matches() && !lower.split(" ", 2)[0].contains("zone");
  }

  /** What the node locations add: all nodes in the same zone, or spread while the control plane is not. */
  private static String nodes(Resource r, String zone) {
    Value extra = r.attr(GKE_NODE_LOCATIONS);
    if (extra.isUnknown()) {
      return "; whether nodes run in other zones depends on " + Values.why(extra);
    }
    Set<String> zones = new LinkedHashSet<>();
    zones.add(zone);
    for (Value z : extra.items()) {
      if (z.isUnknown()) {
        return "; whether nodes run in other zones depends on " + Values.why(z);
      }
      z.asString().ifPresent(zones::add);
    }
    return zones.size() == 1 ? ", and every node runs in that zone too"
        : " (node_locations spreads the nodes over " + zones.size() + " zones, the control plane stays in one)";
  }
}
