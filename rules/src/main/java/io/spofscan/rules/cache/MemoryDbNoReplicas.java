package io.spofscan.rules.cache;

import static io.spofscan.rules.catalog.Attrs.MEMORYDB_REPLICAS;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Verdict;

@RuleInfo(
    id = "SPOF-MEMORYDB-001",
    title = "MemoryDB cluster without replicas",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "MemoryDB fails a shard over by promoting one of its replicas, which it places in other "
        + "Availability Zones. With no replica per shard a node or zone failure makes that shard unavailable "
        + "until MemoryDB replaces the node and restores it from the transaction log.",
    remediation = "Set num_replicas_per_shard (NumReplicasPerShard) to 1 or more; the default is 1.",
    tags = {"aws", "memorydb", "redis", "cache", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/memorydb/latest/devguide/autofailover.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#num_replicas_per_shard"})
public final class MemoryDbNoReplicas implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.MEMORYDB_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict verdict = Verdict.of(r);
    verdict.atLeast(MEMORYDB_REPLICAS, 1, 1, "replica per shard");
    verdict.report(report, "has no replica to fail over to", "may have no replica to fail over to");
  }
}
