package io.spofscan.rules.storage;

import static io.spofscan.rules.catalog.Attrs.EFS_ONE_ZONE;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-EFS-001",
    title = "EFS One Zone file system",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "An EFS One Zone file system stores its data in a single Availability Zone. When that zone fails "
        + "the file system is unavailable to every client, and data can be lost if the zone is damaged.",
    remediation = "Create a Regional file system: remove availability_zone_name (Terraform) or "
        + "AvailabilityZoneName (CloudFormation), and add a mount target in each Availability Zone.",
    tags = {"aws", "efs", "storage", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/efs/latest/ug/availability-durability.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system#availability_zone_name"})
public final class EfsOneZone implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.EFS_FILE_SYSTEM);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value zone = r.attr(EFS_ONE_ZONE);
    String spelled = EFS_ONE_ZONE.spelledIn(r.format());
    if (zone.isUnknown()) {
      report.unknown(r, zone, "%s may be a One Zone file system: %s depends on %s", r.address(), spelled,
          Values.why(zone));
    } else if (Values.present(zone)) {
      report.at(r, zone, "%s is a One Zone file system (%s = %s): its data and every mount target live in one "
          + "Availability Zone, so that zone's outage makes it unavailable", r.address(), spelled,
          zone.describe());
    }
  }
}
