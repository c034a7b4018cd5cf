package io.spofscan.rules.network;

import static io.spofscan.rules.catalog.Attrs.CLB_ZONES;
import static io.spofscan.rules.catalog.Attrs.LB_SUBNETS;
import static io.spofscan.rules.catalog.Attrs.LB_SUBNET_MAPPINGS;
import static io.spofscan.rules.catalog.Attrs.LB_TYPE;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.DeployZone;
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
import io.spofscan.rules.support.Verdict;

@RuleInfo(
    id = "SPOF-ELB-001",
    title = "Load balancer in a single subnet or Availability Zone",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A load balancer has a node only in the Availability Zones of its subnets. A Network, Gateway or "
        + "Classic Load Balancer given one subnet (or one zone) stops accepting traffic when that zone fails, "
        + "however many targets run elsewhere.",
    remediation = "Give the load balancer a subnet in each of at least two Availability Zones (subnets / "
        + "subnet_mapping in Terraform, Subnets / SubnetMappings / AvailabilityZones in CloudFormation).",
    tags = {"aws", "elb", "load-balancer", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#availability-zones",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-az.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#subnets"})
public final class LoadBalancerSingleZone implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.LOAD_BALANCER_V2) || r.is(Kinds.CLASSIC_LOAD_BALANCER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict verdict = Verdict.of(r);
    if (r.is(Kinds.LOAD_BALANCER_V2)) {
      Value type = r.attr(LB_TYPE);
      if (type.isUnknown()) {
        // Application Load Balancers need two zones (AWS rejects one), so only the type decides.
        Value subnets = placement(r, LB_SUBNETS, LB_SUBNET_MAPPINGS);
        if (subnets.items().size() == 1) {
          report.unknown(r, type, "%s has a single subnet, a single point of failure unless it is an Application "
              + "Load Balancer (which AWS refuses to create in one zone): its type depends on %s", r.address(),
              Values.why(type));
        }
        return;
      }
      if (Values.lower(type).orElse("application").equals("application")) {
        return;
      }
      verdict.moreThanOne(placement(r, LB_SUBNETS, LB_SUBNET_MAPPINGS), spelled(r), "subnet",
          "every load balancer node sits in that subnet's Availability Zone");
    } else {
      Value placement = placement(r, LB_SUBNETS, CLB_ZONES);
      if (DeployZone.of(placement).filter(DeployZone::isAll).isPresent()) {
        return; // Fn::GetAZs: every zone of the region, and every AWS region has at least two
      }
      verdict.moreThanOne(placement, spelled(r), "subnet or zone",
          "every load balancer node sits in one Availability Zone");
    }
    verdict.report(report, "accepts traffic in one Availability Zone only",
        "may accept traffic in one Availability Zone only");
  }

  private static Value placement(Resource r, Attr primary, Attr alternative) {
    Value v = r.attr(primary);
    return v.isAbsent() ? r.attr(alternative) : v;
  }

  private static String spelled(Resource r) {
    return r.attr(LB_SUBNETS).isAbsent() ? (r.is(Kinds.LOAD_BALANCER_V2) ? LB_SUBNET_MAPPINGS : CLB_ZONES)
        .spelledIn(r.format()) : LB_SUBNETS.spelledIn(r.format());
  }
}
