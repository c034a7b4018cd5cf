package io.spofscan.rules.containers;

import static io.spofscan.rules.catalog.Attrs.AUTOSCALING_MIN_CAPACITY;
import static io.spofscan.rules.catalog.Attrs.ECS_DESIRED_COUNT;
import static io.spofscan.rules.catalog.Attrs.ECS_PLACEMENT_STRATEGY;
import static io.spofscan.rules.catalog.Attrs.ECS_SCHEDULING;
import static io.spofscan.rules.catalog.Attrs.ECS_SUBNETS;
import static io.spofscan.rules.catalog.Attrs.PLACEMENT_TYPE;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import io.spofscan.rules.support.Verdict;
import java.util.List;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-ECS-001",
    title = "ECS service runs one task, in one subnet, or packs its tasks onto one instance",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "An ECS service with one task stops serving whenever that task, its host or its Availability "
        + "Zone fails, until a replacement starts; tasks given one subnet all run in one zone; a placement "
        + "strategy that starts with binpack fills one container instance before using the next, so a small "
        + "service runs entirely on one instance.",
    remediation = "Run at least 2 tasks (desired_count / DesiredCount, or an Application Auto Scaling minimum of "
        + "2), give the service subnets in two or more Availability Zones, and put a spread strategy on "
        + "attribute:ecs.availability-zone before any binpack strategy.",
    tags = {"aws", "ecs", "containers", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/availability-zone-rebalancing.html",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service"})
public final class EcsServiceSingleTask implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ECS_SERVICE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value scheduling = r.attr(ECS_SCHEDULING);
    if (scheduling.isUnknown() || Values.lower(scheduling).map("daemon"::equals).orElse(false)) {
      return; // a daemon service runs one task on every container instance
    }
    Verdict verdict = Verdict.of(r);
    taskCount(r, model, verdict);
    verdict.moreThanOne(ECS_SUBNETS, "subnet", "every task runs in that subnet's Availability Zone");
    packing(r, verdict);
    verdict.report(report, "can be stopped by one failure", "may be stopped by one failure");
  }

  private static void taskCount(Resource r, Model model, Verdict verdict) {
    Value desired = r.attr(ECS_DESIRED_COUNT);
    // Terraform defaults to 0 tasks (left to a deployment tool or autoscaling); CloudFormation starts 1.
    long whenAbsent = r.format() == Format.CLOUDFORMATION ? 1 : 0;
    if (desired.isUnknown()) {
      verdict.unknown(desired, "its task count (" + verdict.spelled(ECS_DESIRED_COUNT) + ")");
      return;
    }
    OptionalLong n = Values.longOr(desired, whenAbsent);
    if (n.isEmpty() || n.getAsLong() != 1) {
      return; // 0: scaled to nothing on purpose or by a tool the scan cannot see
    }
    List<Resource> scalers = Links.referencing(r, model.all(Kinds.APP_AUTOSCALING_TARGET));
    if (!scalers.isEmpty()) {
      Value min = scalers.get(0).attr(AUTOSCALING_MIN_CAPACITY);
      OptionalLong floor = min.asLong();
      if (min.isUnknown()) {
        verdict.unknown(min, "its autoscaling minimum (" + scalers.get(0).address() + ")");
      } else if (floor.isPresent() && floor.getAsLong() < 2) {
        verdict.definite(desired, "it runs 1 task and its autoscaling minimum is %d (%s)", floor.getAsLong(),
            scalers.get(0).address());
      }
      return;
    }
    verdict.definite(desired, "it runs a single task (%s %s)", verdict.spelled(ECS_DESIRED_COUNT),
        desired.isAbsent() ? "not set, default 1" : "= 1");
  }

  private static void packing(Resource r, Verdict verdict) {
    Value strategies = r.attr(ECS_PLACEMENT_STRATEGY);
    List<Value> items = strategies.items();
    if (items.isEmpty()) {
      return;
    }
    Value first = Values.within(items.get(0), PLACEMENT_TYPE, r.format());
    if (Values.lower(first).map("binpack"::equals).orElse(false)) {
      verdict.definite(first, "its first placement strategy is binpack, which fills one container instance before "
          + "using another");
    }
  }
}
