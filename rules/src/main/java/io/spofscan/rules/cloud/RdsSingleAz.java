package io.spofscan.rules.cloud;

import static io.spofscan.rules.catalog.Attrs.CLUSTER_IDENTIFIER;
import static io.spofscan.rules.catalog.Attrs.ENGINE;
import static io.spofscan.rules.catalog.Attrs.MULTI_AZ;
import static io.spofscan.rules.catalog.Attrs.REPLICA_SOURCE;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-RDS-001",
    title = "RDS DB instance runs in a single Availability Zone",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "Without Multi-AZ an RDS instance has no standby: an Availability Zone outage, a host failure or "
        + "maintenance on the instance stops the database until it is restored or rebuilt.",
    remediation = "Set multi_az = true (Terraform) or MultiAZ: true (CloudFormation) so RDS keeps a synchronous "
        + "standby in another Availability Zone and fails over automatically.",
    tags = {"aws", "rds", "database", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#multi_az",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html"})
public final class RdsSingleAz implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.RDS_INSTANCE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    // Read replicas and Aurora cluster members get their redundancy elsewhere (source / cluster). Setting the
    // attribute at all makes one, even when its value (often a reference to another resource) is unresolved.
    Value source = r.attr(REPLICA_SOURCE);
    Value cluster = r.attr(CLUSTER_IDENTIFIER);
    Value engine = r.attr(ENGINE);
    if (Values.present(source) || Values.present(cluster)
        || Values.lower(engine).map(e -> e.startsWith("aurora")).orElse(false)) {
      return;
    }
    Value multiAz = r.attr(MULTI_AZ);
    String spelled = MULTI_AZ.spelledIn(r.format());
    switch (multiAz.truth(false)) {
      case FALSE -> {
        var exemption = Values.firstUnknown(engine);
        if (exemption.isPresent()) {
          report.unknown(r, multiAz, "%s runs in one Availability Zone unless it is an Aurora cluster member, "
              + "which depends on its engine: %s", r.address(), Values.why(exemption.get()));
        } else {
          report.at(r, multiAz, "%s runs in one Availability Zone (%s is %s): an AZ outage or host failure stops "
              + "the database, with no standby to fail over to", r.address(), spelled,
              multiAz.isAbsent() ? "not set, default false" : "false");
        }
      }
      case UNKNOWN -> report.unknown(r, multiAz, "%s may run in one Availability Zone: %s depends on %s",
          r.address(), spelled, Values.why(multiAz));
      case TRUE -> { }
    }
  }
}
