package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.GCP_LOCATION;
import static io.spofscan.rules.catalog.Attrs.GCP_ZONE;
import static io.spofscan.rules.catalog.Attrs.GKE_AUTOPILOT;
import static io.spofscan.rules.catalog.Attrs.GKE_AUTOSCALING;
import static io.spofscan.rules.catalog.Attrs.GKE_INLINE_POOLS;
import static io.spofscan.rules.catalog.Attrs.GKE_REMOVE_DEFAULT_POOL;
import static io.spofscan.rules.catalog.Attrs.GKE_INITIAL_NODE_COUNT;
import static io.spofscan.rules.catalog.Attrs.GKE_MIN_NODES;
import static io.spofscan.rules.catalog.Attrs.GKE_NODE_COUNT;
import static io.spofscan.rules.catalog.Attrs.GKE_NODE_LOCATIONS;
import static io.spofscan.rules.catalog.Attrs.GKE_POOL_CLUSTER;
import static io.spofscan.rules.catalog.Attrs.GKE_TOTAL_MIN_NODES;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(
    id = "SPOF-GKE-002",
    title = "GKE node pool has a single node in a single zone",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "In a zonal cluster (or a pool pinned to one node location) node_count is the size of the whole "
        + "pool: one node, or an autoscaler whose minimum is one, leaves every pod scheduled on the pool on one "
        + "machine, stopped by each node failure, upgrade or repair.",
    remediation = "Give the pool at least 2 nodes (node_count = 2, or autoscaling { min_node_count = 2 }), or spread "
        + "it over zones with node_locations / a regional cluster location.",
    tags = {"gcp", "gke", "kubernetes", "availability-zone"},
    references = {
        "https://cloud.google.com/kubernetes-engine/docs/concepts/node-pools",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool"})
public final class GkeNodePoolSingleNode implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.GKE_NODE_POOL) || r.is(Kinds.GKE_CLUSTER);
  }

  @Override
  public void check(Resource pool, Model model, Reporter report) {
    if (pool.is(Kinds.GKE_CLUSTER)) {
      defaultPool(pool, report);
      return;
    }
    Optional<Resource> cluster = model.all(Kinds.GKE_CLUSTER).stream()
        .filter(c -> Links.references(pool, c) || sameName(pool, c)).findFirst();
    // The zones the pool's nodes use: its own node_locations, else the cluster's (for a zonal cluster, in
    // addition to its own zone), else the one zone of the location.
    Value zones = pool.attr(GKE_NODE_LOCATIONS);
    Value clusterZone = cluster.map(GkeNodePoolSingleNode::location).orElse(Value.absent());
    boolean inherited = !Values.present(zones);
    if (inherited) {
      zones = cluster.map(c -> c.attr(GKE_NODE_LOCATIONS)).orElse(Value.absent());
    }
    if (zones.isUnknown() || zones.items().stream().anyMatch(Value::isUnknown)) {
      return; // spread or not: the node count of a multi-zone pool is per zone
    }
    Set<String> distinct = new TreeSet<>();
    zones.items().forEach(z -> z.asString().ifPresent(distinct::add));
    if (distinct.isEmpty() || inherited) {
      Value location = location(pool);
      if (!Values.present(location)) {
        location = clusterZone;
      }
      Optional<String> zone = location.asString().filter(GcpLocations::isZone);
      if (zone.isEmpty() && distinct.isEmpty()) {
        return; // a region (nodes in several zones), unresolved or not visible: not judged
      }
      zone.ifPresent(distinct::add);
    }
    if (distinct.size() != 1) {
      return;
    }
    Value autoscaling = pool.attr(GKE_AUTOSCALING);
    Value count;
    String noun;
    if (Values.present(autoscaling)) {
      count = Values.present(pool.attr(GKE_TOTAL_MIN_NODES)) ? pool.attr(GKE_TOTAL_MIN_NODES)
          : pool.attr(GKE_MIN_NODES);
      noun = Values.present(pool.attr(GKE_TOTAL_MIN_NODES)) ? "autoscaling.total_min_node_count"
          : "autoscaling.min_node_count";
    } else {
      count = Values.present(pool.attr(GKE_NODE_COUNT)) ? pool.attr(GKE_NODE_COUNT)
          : pool.attr(GKE_INITIAL_NODE_COUNT);
      noun = Values.present(pool.attr(GKE_NODE_COUNT)) ? "node_count" : "initial_node_count";
    }
    if (count.isUnknown()) {
      report.unknown(pool, count, "%s may run a single node in one zone: %s depends on %s", pool.address(), noun,
          Values.why(count));
      return;
    }
    OptionalLong n = count.asLong();
    if (n.isPresent() && n.getAsLong() == 1) {
      report.at(pool, count, "%s %s one node in one zone (%s = 1): every pod scheduled on the pool stops with "
          + "that node's failure, upgrade or repair", pool.address(),
          Values.present(autoscaling) ? "may shrink to" : "runs", noun);
    }
  }

  /** The default pool of a zonal cluster that keeps it: initial_node_count nodes in each of its zones. */
  private static void defaultPool(Resource cluster, Reporter report) {
    if (cluster.attr(GKE_AUTOPILOT).truth(false) != Truth.FALSE
        || cluster.attr(GKE_REMOVE_DEFAULT_POOL).truth(false) != Truth.FALSE
        || Values.present(cluster.attr(GKE_INLINE_POOLS))) {
      return; // Autopilot, a removed default pool, or pools written inline (an unresolved switch: not judged)
    }
    Value extra = cluster.attr(GKE_NODE_LOCATIONS);
    if (extra.isUnknown() || extra.items().stream().anyMatch(z -> !z.isKnown())) {
      return;
    }
    Set<String> zones = new TreeSet<>();
    extra.items().forEach(z -> z.asString().ifPresent(zones::add));
    location(cluster).asString().filter(GcpLocations::isZone).ifPresent(zones::add);
    if (zones.size() != 1 || !location(cluster).asString().map(GcpLocations::isZone).orElse(false)) {
      return;
    }
    Value count = cluster.attr(GKE_INITIAL_NODE_COUNT);
    if (count.isUnknown()) {
      report.unknown(cluster, count, "%s's default node pool may run a single node in one zone: initial_node_count "
          + "depends on %s", cluster.address(), Values.why(count));
    } else if (count.asLong().orElse(0) == 1) {
      report.at(cluster, count, "%s's default node pool runs one node in one zone (initial_node_count = 1): every "
          + "pod stops with that node's failure, upgrade or repair", cluster.address());
    }
  }

  private static Value location(Resource r) {
    Value location = r.attr(GCP_LOCATION);
    return Values.present(location) ? location : r.attr(GCP_ZONE);
  }

  /** {@code cluster = "name"} written as a literal: the cluster of that name in the same scope. */
  private static boolean sameName(Resource pool, Resource cluster) {
    Optional<String> name = pool.attr(GKE_POOL_CLUSTER).asString();
    return name.isPresent() && Links.scope(pool).equals(Links.scope(cluster))
        && cluster.attr("name").asString().equals(name);
  }
}
