package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.MEMORYSTORE_REPLICAS;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-MEMORYSTORE-002",
    title = "Memorystore cluster or Valkey instance with no replicas",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A google_redis_cluster or google_memorystore_instance with replica_count = 0 has one node per "
        + "shard: a node failure or a zone outage loses that shard's keys and stops the requests that hash to it "
        + "until the node is replaced. With replicas, each shard fails over to a replica in another zone.",
    remediation = "Set replica_count = 1 (or 2) so every shard has a replica in another zone.",
    tags = {"gcp", "memorystore", "redis", "valkey", "cache", "availability-zone"},
    references = {
        "https://cloud.google.com/memorystore/docs/cluster/cluster-node-specification",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_cluster",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/memorystore_instance"})
public final class MemorystoreClusterNoReplicas implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.MEMORYSTORE_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value replicas = r.attr(MEMORYSTORE_REPLICAS);
    if (replicas.isUnknown()) {
      report.unknown(r, replicas, "%s may have no replicas: replica_count depends on %s", r.address(),
          Values.why(replicas));
    } else if (replicas.asLong().orElse(-1) == 0) {
      report.at(r, replicas, "%s has no replicas (replica_count = 0): a node failure or zone outage stops the "
          + "shards on that node and loses their keys", r.address());
    }
    // Not set: the service's default is not documented in the provider; not judged.
  }
}
