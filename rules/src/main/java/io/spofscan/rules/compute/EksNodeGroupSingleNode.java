package io.spofscan.rules.compute;

import static io.spofscan.rules.catalog.Attrs.EKS_DESIRED_SIZE;
import static io.spofscan.rules.catalog.Attrs.EKS_MAX_SIZE;
import static io.spofscan.rules.catalog.Attrs.EKS_MIN_SIZE;
import static io.spofscan.rules.catalog.Attrs.EKS_SUBNETS;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.modules.ModuleAwareModelRule;

@RuleInfo(
    id = "SPOF-EKS-001",
    title = "EKS node group may shrink to one node or sits in one subnet",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A node group whose minimum size is below 2 may run a single node, which then carries every pod "
        + "scheduled on the group; a node group in one subnet puts every node in one Availability Zone.",
    remediation = "Set the node group's min_size (MinSize) to 2 or more and give it subnets in at least two "
        + "Availability Zones.",
    tags = {"aws", "eks", "kubernetes", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/eks/latest/best-practices/reliability.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group",
        "https://registry.terraform.io/modules/terraform-aws-modules/eks/aws/latest"})
public final class EksNodeGroupSingleNode implements ModuleAwareModelRule {

  static final Kind NODE_GROUP = Kind.of("EKS node group", "aws_eks_node_group", "AWS::EKS::Nodegroup");

  @Override
  public void checkResources(Model model, Reporter report) {
    for (Resource r : model.all(NODE_GROUP)) {
      // A node group is scaled by a cluster autoscaler the scan cannot see, so its minimum is what it may run.
      Capacity.check(r, report, "node group", "node", new Capacity.Size(
          r.attr(EKS_MIN_SIZE), 1, r.attr(EKS_MAX_SIZE), r.attr(EKS_DESIRED_SIZE), false), r.attr(EKS_SUBNETS));
    }
  }
}
