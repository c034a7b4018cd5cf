package io.spofscan.rules.rollout;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-ROLLOUT-004",
    title = "Node pool upgrade may take every node down at once (max unavailable covers the pool)",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A node pool whose upgrade settings let as many nodes be unavailable as the pool has (100%, or a "
        + "count at least the node count) upgrades every node at once: every pod on the pool is evicted together, "
        + "and a faulty node image or agent reaches every node before any has proven healthy.",
    remediation = "Upgrade a few nodes at a time and keep capacity with surge nodes: GKE upgrade_settings "
        + "max_surge = 1, max_unavailable = 0 (or the BLUE_GREEN strategy); EKS update_config max_unavailable = 1 or "
        + "max_unavailable_percentage of 33 or less; AKS upgrade_settings max_surge = \"33%\" with max_unavailable "
        + "unset.",
    tags = {"kubernetes", "gcp", "aws", "azure", "node-pool", "rollout"},
    references = {
        "https://cloud.google.com/kubernetes-engine/docs/concepts/node-pool-upgrade-strategies",
        "https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html",
        "https://learn.microsoft.com/en-us/azure/aks/upgrade-aks-node-pools-rolling"})
public final class NodePoolUpgradeAllAtOnce implements ResourceRule {

  static final Kind EKS_NODE_GROUP = Kind.of("EKS node group", "aws_eks_node_group", "AWS::EKS::Nodegroup");

  static final Attr EKS_MAX = Attr.named("update_config.max_unavailable").terraform("update_config.max_unavailable")
      .cloudformation("Properties.UpdateConfig.MaxUnavailable");
  static final Attr EKS_MAX_PERCENT = Attr.named("update_config.max_unavailable_percentage")
      .terraform("update_config.max_unavailable_percentage")
      .cloudformation("Properties.UpdateConfig.MaxUnavailablePercentage");
  static final Attr EKS_MIN_SIZE = Attr.named("scaling_config.min_size").terraform("scaling_config.min_size")
      .cloudformation("Properties.ScalingConfig.MinSize");
  static final Attr EKS_MAX_SIZE = Attr.named("scaling_config.max_size").terraform("scaling_config.max_size")
      .cloudformation("Properties.ScalingConfig.MaxSize");

  /** How many nodes the pool runs: between {@code low} and {@code high} when an autoscaler sets it. */
  private record Nodes(long low, long high, String spelled, boolean known) {
    static Nodes unresolved(String spelled) {
      return new Nodes(0, 0, spelled, false);
    }
  }

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.GKE_NODE_POOL) || r.is(EKS_NODE_GROUP) || r.is(Kinds.AKS_NODE_POOL) || r.is(Kinds.AKS_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    AllOf all = new AllOf();
    if (r.is(Kinds.GKE_NODE_POOL)) {
      if (Values.lower(r.attr("upgrade_settings.strategy")).map("blue_green"::equals).orElse(false)) {
        return; // the old nodes stay until the new pool has proven itself
      }
      Value max = r.attr("upgrade_settings.max_unavailable");
      judge(r, max, "upgrade_settings.max_unavailable", false, gkeNodes(r, all), all, report);
    } else if (r.is(EKS_NODE_GROUP)) {
      Value percent = r.attr(EKS_MAX_PERCENT);
      boolean byPercent = Values.present(percent);
      Value max = byPercent ? percent : r.attr(EKS_MAX);
      Nodes nodes = range(r.attr(EKS_MIN_SIZE), r.attr(EKS_MAX_SIZE), EKS_MIN_SIZE.spelledIn(r.format()),
          EKS_MAX_SIZE.spelledIn(r.format()), all);
      judge(r, max, (byPercent ? EKS_MAX_PERCENT : EKS_MAX).spelledIn(r.format()), byPercent, nodes, all, report);
    } else {
      String pool = r.is(Kinds.AKS_CLUSTER) ? "default_node_pool." : "";
      Value max = r.attr(pool + "upgrade_settings.max_unavailable");
      judge(r, max, pool + "upgrade_settings.max_unavailable", false, aksNodes(r, pool, all), all, report);
    }
  }

  /** Reports when the pool's max unavailable covers every node it runs. */
  private static void judge(Resource r, Value max, String spelled, boolean percentOnly, Nodes nodes, AllOf all,
      Reporter report) {
    if (!Values.present(max)) {
      return; // provider defaults keep capacity: GKE 0 unavailable, EKS 1 node, AKS 0 (surge instead)
    }
    if (max.isUnknown()) {
      all.unknown(max, "its maximum of unavailable nodes (" + spelled + ")");
    } else {
      Optional<BigDecimal> percent = percentOnly ? Amounts.number(max) : Amounts.percent(max);
      Optional<BigDecimal> count = percentOnly ? Optional.<BigDecimal>empty() : Amounts.number(max);
      if (percent.isPresent()) {
        if (percent.get().compareTo(Amounts.ALL) < 0) {
          return;
        }
      } else if (count.isEmpty() || count.get().signum() == 0) {
        return;
      } else if (nodes == null) {
        return; // no node count written to compare with
      } else if (nodes.known()) {
        long m = count.get().longValue();
        if (m < nodes.low()) {
          return;
        }
        if (m < nodes.high()) {
          all.unknown("that holds only while the autoscaler runs " + m + " nodes or fewer ("
              + nodes.spelled() + ")");
        }
      }
    }
    if (nodes != null && nodes.known() && nodes.high() < 2) {
      return; // a single node is the node-count rules' finding (SPOF-GKE-002, SPOF-EKS-001, SPOF-AKS-001)
    }
    if (all.cleared()) {
      return;
    }
    String what = String.format("%s upgrades with %s = %s", r.address(), spelled, max.describe());
    if (all.certain()) {
      report.at(r, max, "%s: every node%s can be drained at once, so every pod on the pool is evicted together and "
          + "a faulty node version reaches all of them before any has proven healthy", what,
          nodes == null || !nodes.known() || nodes.low() != nodes.high() ? "" : " of its " + nodes.high());
    } else {
      report.unknown(r, max, "%s: an upgrade may take every node down at once, but %s", what, all.unresolved());
    }
  }

  /** GKE: node_count (or the autoscaler's range) is per zone; a pool in several zones multiplies it. */
  private static Nodes gkeNodes(Resource r, AllOf all) {
    Value zones = r.attr("node_locations");
    long k = 1;
    if (zones.isUnknown()) {
      all.unknown(zones, "its zones (node_locations)");
    } else if (Values.present(zones)) {
      k = Math.max(1, zones.items().size());
    } else {
      all.unknown("node_count is per zone and the pool's zones are its cluster's (node_locations not set)");
    }
    Nodes n = Values.present(r.attr("autoscaling"))
        ? range(r.attr("autoscaling.min_node_count"), r.attr("autoscaling.max_node_count"),
            "autoscaling.min_node_count", "autoscaling.max_node_count", all)
        : fixed(Values.present(r.attr("node_count")) ? r.attr("node_count") : r.attr("initial_node_count"),
            Values.present(r.attr("node_count")) ? "node_count" : "initial_node_count", all);
    return n == null || !n.known() ? n : new Nodes(n.low() * k, n.high() * k, n.spelled(), true);
  }

  private static Nodes aksNodes(Resource r, String pool, AllOf all) {
    Truth scaled = r.attr(pool + "auto_scaling_enabled").truth(false).or(r.attr(pool + "enable_auto_scaling")
        .truth(false));
    if (scaled == Truth.UNKNOWN) {
      all.unknown(r.attr(pool + "auto_scaling_enabled"), "whether it autoscales");
      return Nodes.unresolved(pool + "auto_scaling_enabled");
    }
    return scaled == Truth.TRUE
        ? range(r.attr(pool + "min_count"), r.attr(pool + "max_count"), pool + "min_count", pool + "max_count", all)
        : fixed(r.attr(pool + "node_count"), pool + "node_count", all);
  }

  private static Nodes fixed(Value count, String spelled, AllOf all) {
    if (count.isUnknown()) {
      all.unknown(count, "its node count (" + spelled + ")");
      return Nodes.unresolved(spelled);
    }
    OptionalLong n = count.asLong();
    return n.isEmpty() ? null : new Nodes(n.getAsLong(), n.getAsLong(), spelled, true);
  }

  private static Nodes range(Value min, Value max, String minSpelled, String maxSpelled, AllOf all) {
    if (min.isUnknown() || max.isUnknown()) {
      Value v = min.isUnknown() ? min : max;
      String spelled = min.isUnknown() ? minSpelled : maxSpelled;
      all.unknown(v, "its node count (" + spelled + ")");
      return Nodes.unresolved(spelled);
    }
    OptionalLong low = min.asLong();
    OptionalLong high = max.asLong();
    if (low.isEmpty() || high.isEmpty()) {
      return null;
    }
    return new Nodes(low.getAsLong(), Math.max(low.getAsLong(), high.getAsLong()), minSpelled + " "
        + low.getAsLong() + ", " + maxSpelled + " " + high.getAsLong(), true);
  }
}
