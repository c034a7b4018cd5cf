package io.spofscan.rules.compute;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.modules.ModuleKnowledge;

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
public final class EksNodeGroupSingleNode implements Rule {

  static final Kind NODE_GROUP = Kind.of("EKS node group", "aws_eks_node_group", "AWS::EKS::Nodegroup");

  @Override
  public void check(Model model, Reporter report) {
    for (Resource r : model.all(NODE_GROUP)) {
      boolean tf = r.format() == Format.TERRAFORM;
      // A node group is scaled by a cluster autoscaler the scan cannot see, so its minimum is what it may run.
      Capacity.check(r, report, "node group", "node", new Capacity.Size(
          r.attr(tf ? "scaling_config.min_size" : "Properties.ScalingConfig.MinSize"), 1,
          r.attr(tf ? "scaling_config.max_size" : "Properties.ScalingConfig.MaxSize"),
          r.attr(tf ? "scaling_config.desired_size" : "Properties.ScalingConfig.DesiredSize"), false),
          r.attr(tf ? "subnet_ids" : "Properties.Subnets"));
    }
    ModuleKnowledge.BUILT_IN.check(model, meta().id(), report);
  }
}
