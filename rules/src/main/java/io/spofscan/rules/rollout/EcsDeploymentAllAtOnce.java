package io.spofscan.rules.rollout;

import static io.spofscan.rules.catalog.Attrs.AUTOSCALING_MIN_CAPACITY;
import static io.spofscan.rules.catalog.Attrs.ECS_DESIRED_COUNT;
import static io.spofscan.rules.catalog.Attrs.ECS_SCHEDULING;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

@RuleInfo(
    id = "SPOF-ROLLOUT-002",
    title = "ECS service deployment may stop every task at once (minimum healthy percent 0, no rollback)",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A minimum healthy percent of 0 lets a rolling ECS deployment stop all running tasks before the "
        + "new ones are healthy: every deployment is an outage while the new tasks start, and a faulty version "
        + "leaves the service with no healthy task. Without a deployment circuit breaker with rollback nothing "
        + "brings the old version back.",
    remediation = "Set deployment_minimum_healthy_percent (DeploymentConfiguration.MinimumHealthyPercent) to 50 "
        + "or more, with a maximum percent of 200, and enable the deployment circuit breaker with rollback.",
    tags = {"aws", "ecs", "containers", "rollout"},
    references = {
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-options.html",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service"})
public final class EcsDeploymentAllAtOnce implements ResourceRule {

  static final Attr MIN_HEALTHY = Attr.named("deployment_minimum_healthy_percent")
      .terraform("deployment_minimum_healthy_percent")
      .cloudformation("Properties.DeploymentConfiguration.MinimumHealthyPercent");
  static final Attr BREAKER_ENABLE = Attr.named("deployment_circuit_breaker.enable")
      .terraform("deployment_circuit_breaker.enable")
      .cloudformation("Properties.DeploymentConfiguration.DeploymentCircuitBreaker.Enable");
  static final Attr BREAKER_ROLLBACK = Attr.named("deployment_circuit_breaker.rollback")
      .terraform("deployment_circuit_breaker.rollback")
      .cloudformation("Properties.DeploymentConfiguration.DeploymentCircuitBreaker.Rollback");
  static final Attr CONTROLLER = Attr.named("deployment_controller.type").terraform("deployment_controller.type")
      .cloudformation("Properties.DeploymentController.Type");
  /** ECS native blue/green, linear and canary deployments start the whole new set before shifting traffic. */
  static final Attr STRATEGY = Attr.named("deployment_configuration.strategy")
      .terraform("deployment_configuration.strategy")
      .cloudformation("Properties.DeploymentConfiguration.Strategy");

  private static final Set<String> SHIFTING_STRATEGIES = Set.of("blue_green", "linear", "canary");

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ECS_SERVICE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value min = r.attr(MIN_HEALTHY);
    if (!Values.present(min)) {
      return; // default 100% for replica services
    }
    AllOf all = new AllOf();
    String spelled = MIN_HEALTHY.spelledIn(r.format());
    if (min.isUnknown()) {
      all.unknown(min, "its minimum healthy percent (" + spelled + ")");
    } else if (min.asLong().stream().noneMatch(n -> n == 0)) {
      return;
    }
    rollingDeployment(r, all);
    noRollback(r, all);
    OptionalLong tasks = moreThanOneTask(r, model, all);
    if (all.cleared()) {
      return;
    }
    String what = String.format("%s deploys with %s = %s", r.address(), spelled, min.describe());
    String count = tasks.isPresent() ? " of its " + tasks.getAsLong() + " tasks" : "";
    if (all.certain()) {
      report.at(r, min, "%s and no circuit breaker with rollback: a deployment may stop every one%s before a new "
          + "task is healthy, and a faulty version leaves none running", what, count);
    } else {
      report.unknown(r, min, "%s: a deployment may stop every task before a new one is healthy, but %s", what,
          all.unresolved());
    }
  }

  /** The ECS rolling-update controller is the one the minimum healthy percent governs. */
  private static void rollingDeployment(Resource r, AllOf all) {
    Value scheduling = r.attr(ECS_SCHEDULING);
    if (scheduling.isUnknown()) {
      all.unknown(scheduling, "whether it is a replica service (" + ECS_SCHEDULING.spelledIn(r.format()) + ")");
    } else if (Values.lower(scheduling).map("daemon"::equals).orElse(false)) {
      all.clear(); // a daemon service's 0% is the API default and replaces one task per instance
    }
    Value controller = r.attr(CONTROLLER);
    if (controller.isUnknown()) {
      all.unknown(controller, "its deployment controller (" + CONTROLLER.spelledIn(r.format()) + ")");
    } else if (Values.present(controller) && !Values.lower(controller).map("ecs"::equals).orElse(true)) {
      all.clear(); // CODE_DEPLOY / EXTERNAL: another tool rolls out, the percent only bounds draining
    }
    Value strategy = r.attr(STRATEGY);
    if (strategy.isUnknown()) {
      all.unknown(strategy, "its deployment strategy (" + STRATEGY.spelledIn(r.format()) + ")");
    } else if (Values.lower(strategy).map(SHIFTING_STRATEGIES::contains).orElse(false)) {
      all.clear();
    }
  }

  /** A circuit breaker with rollback returns to the old version when the new tasks fail to become healthy. */
  private static void noRollback(Resource r, AllOf all) {
    Value enable = r.attr(BREAKER_ENABLE);
    Value rollback = r.attr(BREAKER_ROLLBACK);
    Truth on = enable.truth(false);
    Truth back = rollback.truth(false);
    if (on == Truth.FALSE || back == Truth.FALSE) {
      return;
    }
    if (on == Truth.TRUE && back == Truth.TRUE) {
      all.clear();
      return;
    }
    Value unresolved = on == Truth.UNKNOWN ? enable : rollback;
    all.unknown(unresolved, "whether its circuit breaker rolls back ("
        + (on == Truth.UNKNOWN ? BREAKER_ENABLE : BREAKER_ROLLBACK).spelledIn(r.format()) + ")");
  }

  /**
   * Whether the service runs more than one task (a single task is SPOF-ECS-001's finding); the known count, if any.
   */
  private static OptionalLong moreThanOneTask(Resource r, Model model, AllOf all) {
    Value desired = r.attr(ECS_DESIRED_COUNT);
    String spelled = ECS_DESIRED_COUNT.spelledIn(r.format());
    if (desired.isUnknown()) {
      all.unknown(desired, "its task count (" + spelled + ")");
      return OptionalLong.empty();
    }
    // Terraform defaults to 0 tasks (a deployment tool or autoscaling sets the count); CloudFormation starts 1.
    long whenAbsent = r.format() == Format.CLOUDFORMATION ? 1 : 0;
    OptionalLong n = Values.longOr(desired, whenAbsent);
    if (n.isPresent() && n.getAsLong() >= 2) {
      return n;
    }
    List<Resource> scalers = Links.referencing(r, model.all(Kinds.APP_AUTOSCALING_TARGET));
    if (!scalers.isEmpty()) {
      Value floor = scalers.get(0).attr(AUTOSCALING_MIN_CAPACITY);
      if (floor.isUnknown()) {
        all.unknown(floor, "its task count (the autoscaling minimum of " + scalers.get(0).address() + ")");
      } else if (floor.asLong().orElse(0) >= 2) {
        return floor.asLong();
      } else if (n.orElse(0) == 1) {
        all.clear();
      } else {
        all.unknown("its task count is set by " + scalers.get(0).address() + ", whose minimum is "
            + floor.describe());
      }
      return OptionalLong.empty();
    }
    if (n.isPresent() && n.getAsLong() == 0 && (desired.isAbsent() || countManagedElsewhere(r))) {
      all.unknown("its task count (" + spelled + (desired.isAbsent() ? " not set" : " = 0, ignored by lifecycle")
          + ") is set outside the scan, by a deployment tool or autoscaling");
    } else if (n.isPresent() && n.getAsLong() == 0) {
      all.clear(); // scaled to nothing on purpose
    } else {
      all.clear(); // one task: SPOF-ECS-001 already reports it
    }
    return OptionalLong.empty();
  }

  /** lifecycle { ignore_changes = [desired_count] }: another tool owns the count. */
  private static boolean countManagedElsewhere(Resource r) {
    Value ignored = r.attr("lifecycle.ignore_changes");
    return ignored.items().stream().map(Value::describe).anyMatch(s -> s.contains("desired_count"))
        || ignored.describe().contains("desired_count") || Values.lower(ignored).map("all"::equals).orElse(false);
  }
}
