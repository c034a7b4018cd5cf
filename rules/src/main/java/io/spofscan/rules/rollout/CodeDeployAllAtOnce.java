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
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import java.util.Optional;

@RuleInfo(
    id = "SPOF-ROLLOUT-005",
    title = "CodeDeploy in-place deployment updates every instance at once",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "An in-place CodeDeploy deployment with CodeDeployDefault.AllAtOnce (or a custom configuration "
        + "that keeps 0 hosts healthy) stops the application and installs the new revision on every instance of "
        + "the group at the same time: each deployment is an outage, a faulty revision reaches every instance, and "
        + "the deployment counts as succeeded as soon as one instance succeeds.",
    remediation = "Deploy a part of the fleet at a time: CodeDeployDefault.OneAtATime (the default) or HalfAtATime, "
        + "or a custom configuration with minimum_healthy_hosts FLEET_PERCENT 75; or use a blue/green deployment.",
    tags = {"aws", "codedeploy", "ec2", "rollout"},
    references = {
        "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codedeploy_deployment_group"})
public final class CodeDeployAllAtOnce implements ResourceRule {

  static final Kind GROUP = Kind.of("CodeDeploy deployment group", "aws_codedeploy_deployment_group",
      "AWS::CodeDeploy::DeploymentGroup");
  static final Kind CONFIG = Kind.of("CodeDeploy deployment configuration", "aws_codedeploy_deployment_config",
      "AWS::CodeDeploy::DeploymentConfig");

  static final Attr CONFIG_NAME = Attr.named("deployment_config_name").terraform("deployment_config_name")
      .cloudformation("Properties.DeploymentConfigName");
  static final Attr DEPLOYMENT_TYPE = Attr.named("deployment_style.deployment_type")
      .terraform("deployment_style.deployment_type").cloudformation("Properties.DeploymentStyle.DeploymentType");
  static final Attr HEALTHY_TYPE = Attr.named("minimum_healthy_hosts.type").terraform("minimum_healthy_hosts.type")
      .cloudformation("Properties.MinimumHealthyHosts.Type");
  static final Attr HEALTHY_VALUE = Attr.named("minimum_healthy_hosts.value")
      .terraform("minimum_healthy_hosts.value").cloudformation("Properties.MinimumHealthyHosts.Value");

  private static final String ALL_AT_ONCE = "CodeDeployDefault.AllAtOnce";

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(GROUP);
  }

  @Override
  public void check(Resource group, Model model, Reporter report) {
    Value type = group.attr(DEPLOYMENT_TYPE);
    if (Values.lower(type).map("blue_green"::equals).orElse(false)) {
      return; // the new fleet is installed before traffic moves, the old one stays for rollback
    }
    Value name = group.attr(CONFIG_NAME);
    Optional<Resource> custom = model.all(CONFIG).stream().filter(c -> Links.references(group, c)).findFirst();
    AllOf all = new AllOf();
    String config;
    Value where = name;
    if (custom.isPresent()) {
      Value value = custom.get().attr(HEALTHY_VALUE);
      if (value.isUnknown()) {
        all.unknown(value, "the healthy hosts it keeps (" + HEALTHY_VALUE.spelledIn(custom.get().format()) + ")");
      } else if (value.asLong().stream().noneMatch(n -> n == 0)) {
        return;
      }
      config = custom.get().address() + " (minimum_healthy_hosts " + custom.get().attr(HEALTHY_TYPE).describe()
          + " " + value.describe() + ")";
    } else if (name.isUnknown()) {
      return; // a configuration chosen elsewhere: nothing written to judge
    } else if (name.asString().filter(ALL_AT_ONCE::equals).isPresent()) {
      config = ALL_AT_ONCE;
    } else {
      return;
    }
    if (type.isUnknown()) {
      all.unknown(type, "whether it deploys in place (" + DEPLOYMENT_TYPE.spelledIn(group.format()) + ")");
    }
    String what = String.format("%s deploys in place with %s", group.address(), config);
    if (all.certain()) {
      report.at(group, where, "%s: every instance stops and installs the new revision at the same time, so each "
          + "deployment is an outage and a faulty revision reaches all of them", what);
    } else {
      report.unknown(group, where, "%s: a deployment may update every instance at once, but %s", what,
          all.unresolved());
    }
  }
}
