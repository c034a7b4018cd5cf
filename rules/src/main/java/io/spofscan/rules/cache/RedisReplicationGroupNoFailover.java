package io.spofscan.rules.cache;

import static io.spofscan.rules.catalog.Attrs.AUTOMATIC_FAILOVER;
import static io.spofscan.rules.catalog.Attrs.CLUSTER_MODE_REPLICAS;
import static io.spofscan.rules.catalog.Attrs.MULTI_AZ_ENABLED;
import static io.spofscan.rules.catalog.Attrs.NODE_GROUP_CONFIGURATION;
import static io.spofscan.rules.catalog.Attrs.NUMBER_CACHE_CLUSTERS;
import static io.spofscan.rules.catalog.Attrs.NUM_CACHE_CLUSTERS;
import static io.spofscan.rules.catalog.Attrs.PREFERRED_CACHE_CLUSTER_AZS;
import static io.spofscan.rules.catalog.Attrs.REPLICAS_PER_NODE_GROUP;

import io.spofscan.core.model.Attr;
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
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-REDIS-002",
    title = "ElastiCache replication group without a replica, automatic failover or a second zone",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A replication group only survives the loss of its primary when it has a replica to promote and "
        + "automatic failover to promote it, and survives a zone outage only when its nodes are not all in one "
        + "Availability Zone (which Multi-AZ guarantees).",
    remediation = "Give every shard at least one replica (num_cache_clusters >= 2 or replicas_per_node_group >= 1), "
        + "enable automatic_failover_enabled (AutomaticFailoverEnabled), and enable multi_az_enabled "
        + "(MultiAZEnabled) or place the nodes in at least two Availability Zones.",
    tags = {"aws", "elasticache", "redis", "cache", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html"})
public final class RedisReplicationGroupNoFailover implements ModuleAwareRule {

  private record Problem(Value where, String text) {}

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ELASTICACHE_REPLICATION_GROUP);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    List<Problem> definite = new ArrayList<>();
    List<Problem> unknown = new ArrayList<>();
    nodesPerShard(r, definite, unknown);
    flag(r, AUTOMATIC_FAILOVER, "automatic failover is off", definite, unknown);
    if (!definite.isEmpty()) {
      report.at(r, definite.get(0).where(), "%s cannot survive the loss of its primary: %s", r.address(),
          String.join("; ", definite.stream().map(Problem::text).toList()));
      return;
    }
    if (!unknown.isEmpty()) {
      report.unknown(r, unknown.get(0).where(), "%s may not survive the loss of its primary: %s", r.address(),
          String.join("; ", unknown.stream().map(Problem::text).toList()));
      return;
    }
    zones(r, report);
  }

  /**
   * A replica to promote and automatic failover survive the loss of the primary; what is left is an outage of the
   * zone holding every node. Multi-AZ guarantees another zone, but so does a written placement over two zones, and
   * without Multi-AZ ElastiCache may still place the nodes apart: only a placement in one zone is certain.
   */
  private static void zones(Resource r, Reporter report) {
    Value multiAz = r.attr(MULTI_AZ_ENABLED);
    Truth enabled = multiAz.truth(false);
    if (enabled == Truth.TRUE) {
      return;
    }
    Placement placement = placement(r);
    if (placement.zones() >= 2) {
      return;
    }
    String spelled = MULTI_AZ_ENABLED.spelledIn(r.format());
    if (placement.zones() == 1) {
      report.at(r, placement.where(), "%s places every node in Availability Zone %s (%s %s): an outage of that "
          + "zone stops it, replicas and failover included", r.address(), placement.zone(), spelled,
          multiAz.isAbsent() ? "not set" : enabled == Truth.FALSE ? "= false" : "depends on " + Values.why(multiAz));
    } else if (enabled == Truth.UNKNOWN) {
      report.unknown(r, multiAz, "%s may keep its primary and replicas in one Availability Zone, whose outage would "
          + "stop it: %s depends on %s, and no placement is written", r.address(), spelled, Values.why(multiAz));
    } else if (!multiAz.isAbsent()) {
      report.unknown(r, multiAz, "%s sets %s = false: an Availability Zone outage stops it if ElastiCache places "
          + "its primary and replicas in one zone, which depends on %s", r.address(), spelled, placement.why());
    }
    // Multi-AZ merely unset with failover on and the placement unknown: ElastiCache spreads the nodes over the
    // subnet group's zones, so nothing here says they share one.
  }

  /** How many distinct zones the written placement names (0 when unknown or not written). */
  private record Placement(int zones, String zone, Value where, String why) {}

  private static Placement placement(Resource r) {
    List<Value> azs = new ArrayList<>();
    Value written = r.attr(PREFERRED_CACHE_CLUSTER_AZS);
    if (written.isUnknown()) {
      return new Placement(0, "", written, Values.why(written));
    }
    azs.addAll(written.items());
    for (Value g : r.attr(NODE_GROUP_CONFIGURATION).items()) {
      Value primary = g.get("PrimaryAvailabilityZone");
      if (!primary.isAbsent()) {
        azs.add(primary);
      }
      Value replicas = g.get("ReplicaAvailabilityZones");
      if (replicas.isUnknown()) {
        return new Placement(0, "", replicas, Values.why(replicas));
      }
      azs.addAll(replicas.items());
    }
    if (azs.isEmpty()) {
      return new Placement(0, "", written, "where ElastiCache places the nodes (no preferred zones are written)");
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Value az : azs) {
      if (az.asString().isEmpty()) {
        return new Placement(0, "", az, Values.why(az));
      }
      names.add(az.asString().get());
    }
    return new Placement(names.size(), names.iterator().next(), azs.get(0), "");
  }

  private static void flag(Resource r, Attr attr, String whenFalse, List<Problem> definite, List<Problem> unknown) {
    Value v = r.attr(attr);
    Truth t = v.truth(false);
    String spelled = attr.spelledIn(r.format());
    if (t == Truth.FALSE) {
      definite.add(new Problem(v, whenFalse + " (" + spelled + (v.isAbsent() ? " not set, default false)"
          : " = false)")));
    } else if (t == Truth.UNKNOWN) {
      unknown.add(new Problem(v, spelled + " depends on " + Values.why(v)));
    }
  }

  /** Nodes per shard: replicas + 1 in cluster mode, else num_cache_clusters (default 1). */
  private static void nodesPerShard(Resource r, List<Problem> definite, List<Problem> unknown) {
    Value replicas = first(r.attr(REPLICAS_PER_NODE_GROUP), r.attr(CLUSTER_MODE_REPLICAS));
    if (replicas.isAbsent() && r.format() == Format.CLOUDFORMATION) {
      replicas = fewestReplicaCount(r.attr(NODE_GROUP_CONFIGURATION));
    }
    if (!replicas.isAbsent()) {
      OptionalLong n = replicas.asLong();
      if (n.isEmpty()) {
        unknown.add(new Problem(replicas, "its replica count depends on " + Values.why(replicas)));
      } else if (n.getAsLong() < 1) {
        definite.add(new Problem(replicas, "its shards have no replica (" + spelled(replicas, r) + " = "
            + n.getAsLong() + ")"));
      }
      return;
    }
    Value clusters = first(r.attr(NUM_CACHE_CLUSTERS), r.attr(NUMBER_CACHE_CLUSTERS));
    OptionalLong n = Values.longOr(clusters, 1);
    if (n.isEmpty()) {
      unknown.add(new Problem(clusters, "its node count depends on " + Values.why(clusters)));
    } else if (n.getAsLong() < 2) {
      definite.add(new Problem(clusters, "it has " + Values.plural(n.getAsLong(), "node") + " and no replica"
          + (clusters.isAbsent() ? " (node count not set, default 1)" : "")));
    }
  }

  private static String spelled(Value replicas, Resource r) {
    return REPLICAS_PER_NODE_GROUP.spelledIn(r.format());
  }

  private static Value first(Value a, Value b) {
    return a.isAbsent() ? b : a;
  }

  /** The smallest ReplicaCount over NodeGroupConfiguration entries; absent when none is written. */
  private static Value fewestReplicaCount(Value groups) {
    if (groups.isUnknown()) {
      return groups;
    }
    Value fewest = Value.absent();
    for (Value g : groups.items()) {
      Value count = g.get("ReplicaCount");
      if (count.isUnknown()) {
        return count;
      }
      if (count.asLong().isPresent()
          && (fewest.isAbsent() || count.asLong().getAsLong() < fewest.asLong().getAsLong())) {
        fewest = count;
      }
    }
    return fewest;
  }
}
