package io.spofscan.rules.compute;

import static io.spofscan.rules.catalog.Attrs.ASG_DESIRED_CAPACITY;
import static io.spofscan.rules.catalog.Attrs.ASG_MAX_SIZE;
import static io.spofscan.rules.catalog.Attrs.ASG_MIN_SIZE;
import static io.spofscan.rules.catalog.Attrs.ASG_SUBNETS;
import static io.spofscan.rules.catalog.Attrs.ASG_ZONES;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.modules.ModuleAwareModelRule;
import io.spofscan.rules.support.Links;

@RuleInfo(
    id = "SPOF-ASG-001",
    title = "Auto Scaling group may run one instance or uses one Availability Zone",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "An Auto Scaling group with a minimum below 2 may run a single instance, whose failure stops "
        + "the service until a replacement boots; a group limited to one subnet or zone fails with that zone.",
    remediation = "Set min_size (MinSize) to 2 or more and give the group subnets (vpc_zone_identifier / "
        + "VPCZoneIdentifier) in at least two Availability Zones.",
    tags = {"aws", "ec2", "autoscaling", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group"})
public final class AsgSingleInstance implements ModuleAwareModelRule {

  static final Kind ASG = Kind.of("Auto Scaling group", "aws_autoscaling_group", "AWS::AutoScaling::AutoScalingGroup");
  /** What changes a group's desired capacity: scaling policies, scheduled actions, ECS managed scaling. */
  static final Kind SCALER = Kind.of("scaler of an Auto Scaling group", "aws_autoscaling_policy",
      "aws_autoscaling_schedule", "aws_ecs_capacity_provider", "AWS::AutoScaling::ScalingPolicy",
      "AWS::AutoScaling::ScheduledAction", "AWS::ECS::CapacityProvider");

  @Override
  public void checkResources(Model model, Reporter report) {
    for (Resource r : model.all(ASG)) {
      Value subnets = r.attr(ASG_SUBNETS);
      if (subnets.isAbsent()) {
        subnets = r.attr(ASG_ZONES);
      }
      // Without a scaling policy or scheduled action the group runs its desired capacity, not its minimum.
      boolean scaled = !Links.referencing(r, model.all(SCALER)).isEmpty();
      Capacity.check(r, report, "Auto Scaling group", "instance", new Capacity.Size(
          r.attr(ASG_MIN_SIZE), -1, r.attr(ASG_MAX_SIZE), r.attr(ASG_DESIRED_CAPACITY), !scaled), subnets);
    }
  }
}
