package io.spofscan.rules.cache;

import static io.spofscan.rules.catalog.Attrs.CACHE_ENGINE;
import static io.spofscan.rules.catalog.Attrs.CACHE_NODES;
import static io.spofscan.rules.catalog.Attrs.MEMCACHED_AZ_MODE;

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
    id = "SPOF-MEMCACHED-001",
    title = "ElastiCache Memcached cluster in a single Availability Zone or with one node",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "Memcached does not replicate: each node holds its own slice of the cache. With one node, or every "
        + "node in one Availability Zone (az_mode single-az, the default), a node or zone failure empties the "
        + "cache at once and the full load falls on the database behind it.",
    remediation = "Run at least 2 nodes (num_cache_nodes / NumCacheNodes) spread over zones with az_mode = "
        + "\"cross-az\" (AZMode: cross-az).",
    tags = {"aws", "elasticache", "memcached", "cache", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/FaultTolerance.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster#az_mode",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-cachecluster.html"})
public final class MemcachedSingleAz implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ELASTICACHE_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value engine = r.attr(CACHE_ENGINE);
    if (!Values.lower(engine).map("memcached"::equals).orElse(false)) {
      return; // Redis clusters are SPOF-REDIS-001's; an unresolved engine is reported there
    }
    Verdict verdict = Verdict.of(r);
    var nodes = verdict.atLeast(CACHE_NODES, -1, 2, "node");
    if (nodes.isEmpty() || nodes.getAsLong() >= 2) {
      verdict.oneOf(MEMCACHED_AZ_MODE, "single-az", Set.of("single-az"), "every node is in one Availability Zone");
    }
    verdict.report(report, "loses the whole cache in one failure", "may lose the whole cache in one failure");
  }
}
