package io.spofscan.rules.cache;

import static io.spofscan.rules.catalog.Attrs.CACHE_ENGINE;
import static io.spofscan.rules.catalog.Attrs.CACHE_NODES;
import static io.spofscan.rules.catalog.Attrs.MEMBER_OF_REPLICATION_GROUP;

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

@RuleInfo(
    id = "SPOF-REDIS-001",
    title = "ElastiCache Redis/Valkey cluster with a single node and no replication group",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A Redis or Valkey cache cluster outside a replication group is exactly one node: when that node "
        + "or its Availability Zone fails, every client loses the cache and its data.",
    remediation = "Use a replication group (aws_elasticache_replication_group / AWS::ElastiCache::ReplicationGroup) "
        + "with at least one replica, automatic failover and Multi-AZ.",
    tags = {"aws", "elasticache", "redis", "cache"},
    references = {
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-cachecluster.html"})
public final class RedisSingleNodeCluster implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ELASTICACHE_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value group = r.attr(MEMBER_OF_REPLICATION_GROUP);
    if (Values.present(group)) {
      return; // a member of a replication group (even one named by an unresolved value): SPOF-REDIS-002's
    }
    Value engine = r.attr(CACHE_ENGINE);
    Value nodes = r.attr(CACHE_NODES);
    Value where = nodes.isAbsent() ? engine : nodes;
    if (engine.isUnknown()) {
      report.unknown(r, engine, "%s may be a single-node Redis cluster: its engine depends on %s", r.address(),
          Values.why(engine));
      return;
    }
    String name = Values.lower(engine).orElse("");
    if (!name.equals("redis") && !name.equals("valkey")) {
      return;
    }
    report.at(r, where, "%s is a single %s node with no replication group: a node or Availability Zone failure "
        + "loses the cache and its data", r.address(), name);
  }
}
