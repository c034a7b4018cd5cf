package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.AKS_AUTO_SCALING;
import static io.spofscan.rules.catalog.Attrs.AKS_AUTO_SCALING_V3;
import static io.spofscan.rules.catalog.Attrs.AKS_DEFAULT_POOL;
import static io.spofscan.rules.catalog.Attrs.AKS_MIN_COUNT;
import static io.spofscan.rules.catalog.Attrs.AKS_NODE_COUNT;
import static io.spofscan.rules.catalog.Attrs.AZURE_ZONES;
import static io.spofscan.rules.catalog.Attrs.AZURE_ZONES_V2;

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
import io.spofscan.rules.support.Verdict;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-AKS-001",
    title = "AKS node pool without availability zones or with a single node",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "A node pool without zones places its nodes wherever the region has capacity, possibly all in one "
        + "datacenter, and a pool pinned to one zone keeps them there: a zone outage stops every pod on the pool. "
        + "A pool of one node (or an autoscaler whose minimum is one) stops them on every node failure or upgrade.",
    remediation = "Set zones = [\"1\", \"2\", \"3\"] on default_node_pool and on each "
        + "azurerm_kubernetes_cluster_node_pool (availability_zones before azurerm 3.0), and run at least 2 nodes "
        + "(node_count, or min_count with auto scaling); zones can only be set when the pool is created.",
    tags = {"azure", "aks", "kubernetes", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/aks/availability-zones",
        "https://learn.microsoft.com/azure/reliability/reliability-aks",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster"})
public final class AksNodePoolWithoutZones implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AKS_CLUSTER) || r.is(Kinds.AKS_NODE_POOL);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    boolean cluster = r.is(Kinds.AKS_CLUSTER);
    Value pool = cluster ? r.attr(AKS_DEFAULT_POOL) : r.body();
    String prefix = cluster ? "default_node_pool." : "";
    Verdict verdict = Verdict.of(r);
    if (pool.isUnknown()) {
      verdict.unknown(pool, "its default_node_pool");
    } else if (Values.present(pool)) {
      zones(verdict, pool, prefix);
      nodes(verdict, pool, prefix);
    }
    verdict.report(report, cluster ? "default node pool is a single point of failure"
        : "is a single point of failure", cluster ? "default node pool may be a single point of failure"
        : "may be a single point of failure");
  }

  private static void zones(Verdict verdict, Value pool, String prefix) {
    Value zones = pool.get(AZURE_ZONES.name());
    String spelled = prefix + "zones";
    if (zones.isAbsent()) {
      zones = pool.get(AZURE_ZONES_V2.name());
      spelled = zones.isAbsent() ? spelled : prefix + "availability_zones";
    }
    if (zones.isUnknown()) {
      verdict.unknown(zones, "its zones (" + spelled + ")");
      return;
    }
    for (Value z : zones.items()) {
      if (z.isUnknown()) {
        verdict.unknown(z, "its zones (" + spelled + ")");
        return;
      }
    }
    int n = zones.items().size();
    if (n == 0) {
      verdict.definite(zones.isAbsent() ? pool : zones, "its nodes use no availability zones (%s %s), so one "
          + "zone's outage can stop all of them", spelled, zones.isAbsent() || zones.isNull() ? "not set" : "empty");
    } else if (n == 1) {
      verdict.definite(zones, "every node is pinned to one availability zone (%s = [%s])", spelled,
          zones.items().get(0).describe());
    }
  }

  private static void nodes(Verdict verdict, Value pool, String prefix) {
    Value auto = pool.get(AKS_AUTO_SCALING.name());
    if (auto.isAbsent()) {
      auto = pool.get(AKS_AUTO_SCALING_V3.name());
    }
    Truth autoscaled = auto.truth(false);
    if (autoscaled == Truth.UNKNOWN) {
      verdict.unknown(auto, "its node count (auto scaling)");
      return;
    }
    String attr = autoscaled == Truth.TRUE ? AKS_MIN_COUNT.name() : AKS_NODE_COUNT.name();
    Value count = pool.get(attr);
    if (count.isUnknown()) {
      verdict.unknown(count, "its node count (" + prefix + attr + ")");
      return;
    }
    OptionalLong n = count.asLong();
    if (n.isPresent() && n.getAsLong() == 1) {
      verdict.definite(count, "it %s a single node (%s%s = 1)", autoscaled == Truth.TRUE ? "may shrink to" : "runs",
          prefix, attr);
    }
  }
}
