package io.spofscan.rules.rollout;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;
import java.math.BigDecimal;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-ROLLOUT-003",
    title = "Auto Scaling group update may replace every instance at once (minimum healthy 0)",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "An instance refresh with min_healthy_percentage 0, or a CloudFormation rolling update that keeps "
        + "no instance in service and replaces a batch as large as the group, terminates every instance at once: "
        + "the group serves nothing until the new instances boot and pass health checks, and a faulty launch "
        + "template reaches every instance before any has proven healthy.",
    remediation = "Keep capacity during updates: instance_refresh preferences min_healthy_percentage 90 (the "
        + "default) or at least 50; in CloudFormation set MinInstancesInService to at least 1 (or "
        + "MinActiveInstancesPercent above 0) and a MaxBatchSize smaller than the group.",
    tags = {"aws", "ec2", "autoscaling", "rollout"},
    references = {
        "https://docs.aws.amazon.com/autoscaling/ec2/userguide/understand-instance-refresh-default-values.html",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatepolicy.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group"})
public final class AsgRefreshAllAtOnce implements ResourceRule {

  static final Kind ASG = Kind.of("Auto Scaling group", "aws_autoscaling_group", "AWS::AutoScaling::AutoScalingGroup");

  static final Attr DESIRED = Attr.named("desired_capacity").terraform("desired_capacity")
      .cloudformation("Properties.DesiredCapacity");
  static final Attr MIN_SIZE = Attr.named("min_size").terraform("min_size").cloudformation("Properties.MinSize");
  static final Attr REFRESH_MIN_HEALTHY = Attr.named("instance_refresh.preferences.min_healthy_percentage")
      .terraform("instance_refresh.preferences.min_healthy_percentage");
  static final Attr ROLLING = Attr.named("AutoScalingRollingUpdate")
      .cloudformation("UpdatePolicy.AutoScalingRollingUpdate");

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(ASG);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    if (r.format() == Format.TERRAFORM) {
      instanceRefresh(r, report);
    } else {
      rollingUpdate(r, report);
    }
  }

  /** Terraform: instance_refresh { preferences { min_healthy_percentage = 0 } } (the default is 90). */
  private static void instanceRefresh(Resource r, Reporter report) {
    Value min = r.attr(REFRESH_MIN_HEALTHY);
    if (!Values.present(min)) {
      return;
    }
    AllOf all = new AllOf();
    if (min.isUnknown()) {
      all.unknown(min, "its minimum healthy percentage (min_healthy_percentage)");
    } else if (min.asLong().stream().noneMatch(n -> n == 0)) {
      return;
    }
    OptionalLong size = groupSize(r, all);
    if (all.cleared()) {
      return;
    }
    String what = String.format("%s refreshes its instances with min_healthy_percentage = %s", r.address(),
        min.describe());
    if (all.certain()) {
      report.at(r, min, "%s: an instance refresh terminates all %d instances at once, so the group serves "
          + "nothing until their replacements pass health checks", what, size.getAsLong());
    } else {
      report.unknown(r, min, "%s: an instance refresh may terminate every instance at once, but %s", what,
          all.unresolved());
    }
  }

  /**
   * CloudFormation: an AutoScalingRollingUpdate keeps max(MinInstancesInService, MinActiveInstancesPercent of the
   * group) in service and replaces MaxBatchSize (default 1) at a time; both floors at 0 with a batch covering the
   * group replaces everything at once.
   */
  private static void rollingUpdate(Resource r, Reporter report) {
    Value policy = r.attr(ROLLING);
    if (policy.isAbsent() || policy.isNull()) {
      return;
    }
    AllOf all = new AllOf();
    if (policy.isUnknown()) {
      return; // an UpdatePolicy chosen by a condition: nothing written to judge
    }
    Value inService = policy.get("MinInstancesInService");
    Value activePercent = policy.get("MinActiveInstancesPercent");
    Value batch = policy.get("MaxBatchSize");
    floorIsZero(inService, "MinInstancesInService", all);
    floorIsZero(activePercent, "MinActiveInstancesPercent", all);
    OptionalLong size = groupSize(r, all);
    OptionalLong batchSize = OptionalLong.empty();
    if (batch.isUnknown()) {
      all.unknown(batch, "its batch size (MaxBatchSize)");
    } else {
      batchSize = Values.longOr(batch, 1);
      if (batchSize.isEmpty()) {
        return;
      }
      if (size.isPresent() && batchSize.getAsLong() < size.getAsLong()) {
        all.clear();
      } else if (size.isEmpty() && !all.cleared() && batchSize.getAsLong() < 2) {
        all.clear(); // one instance at a time, whatever the group's size
      }
    }
    if (all.cleared()) {
      return;
    }
    Value where = Values.present(batch) ? batch : Values.present(inService) ? inService : policy;
    String what = String.format("%s rolls updates with MaxBatchSize %s and MinInstancesInService %s",
        r.address(), batch.isAbsent() ? "1 (default)" : batch.describe(),
        inService.isAbsent() ? "0 (default)" : inService.describe());
    if (all.certain()) {
      report.at(r, where, "%s: an update replaces all %d instances in one batch with none kept in service, so the "
          + "group serves nothing until the new ones pass health checks", what, size.getAsLong());
    } else {
      report.unknown(r, where, "%s: an update may replace every instance at once with none in service, but %s",
          what, all.unresolved());
    }
  }

  /** A floor of instances kept in service: absent means 0 for MinInstancesInService, "not used" for the percent. */
  private static void floorIsZero(Value v, String spelled, AllOf all) {
    if (v.isUnknown()) {
      all.unknown(v, "its in-service floor (" + spelled + ")");
      return;
    }
    if (!Values.present(v)) {
      return;
    }
    if (v instanceof Value.Scalar s && s.value() instanceof BigDecimal d ? d.signum() == 0
        : v.asLong().stream().anyMatch(n -> n == 0)) {
      return;
    }
    all.clear();
  }

  /**
   * The number of instances the group runs: desired_capacity when written, else the minimum. A group of one is
   * SPOF-ASG-001's finding, so it clears the rule.
   */
  private static OptionalLong groupSize(Resource r, AllOf all) {
    Value desired = r.attr(DESIRED);
    Value min = r.attr(MIN_SIZE);
    Value size = Values.present(desired) ? desired : min;
    Attr attr = Values.present(desired) ? DESIRED : MIN_SIZE;
    if (size.isUnknown()) {
      all.unknown(size, "its instance count (" + attr.spelledIn(r.format()) + ")");
      return OptionalLong.empty();
    }
    OptionalLong n = size.asLong();
    if (n.isEmpty() || n.getAsLong() < 2) {
      all.clear();
    }
    return n;
  }
}
