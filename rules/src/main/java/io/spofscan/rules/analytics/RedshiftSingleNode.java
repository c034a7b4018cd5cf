package io.spofscan.rules.analytics;

import static io.spofscan.rules.catalog.Attrs.REDSHIFT_CLUSTER_TYPE;
import static io.spofscan.rules.catalog.Attrs.REDSHIFT_NODES;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Verdict;
import java.util.Set;

@RuleInfo(
    id = "SPOF-REDSHIFT-001",
    title = "Redshift single-node cluster",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A single-node Redshift cluster keeps one copy of its data on that node: a node failure stops the "
        + "warehouse and recovery means restoring from a snapshot, losing what was loaded since. A multi-node "
        + "cluster mirrors each node's data on another node and replaces a failed node in place.",
    remediation = "Use cluster_type = \"multi-node\" with number_of_nodes >= 2 (ClusterType: multi-node, "
        + "NumberOfNodes), and multi_az = true (MultiAZ) on RA3 node types to survive a zone outage.",
    tags = {"aws", "redshift", "data-warehouse"},
    references = {
        "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-about-clusters-and-nodes",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#cluster_type"})
public final class RedshiftSingleNode implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.REDSHIFT_CLUSTER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict verdict = Verdict.of(r);
    Value type = r.attr(REDSHIFT_CLUSTER_TYPE);
    if (type.isAbsent() || type.isNull()) {
      verdict.atLeast(REDSHIFT_NODES, 1, 2, "node"); // the type follows the node count, which defaults to 1
    } else {
      verdict.oneOf(REDSHIFT_CLUSTER_TYPE, null, Set.of("single-node"), "it is a single-node cluster");
    }
    verdict.report(report, "keeps one copy of its data on one node", "may keep one copy of its data on one node");
  }
}
