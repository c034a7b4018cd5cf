package io.spofscan.rules.network;

import static io.spofscan.rules.catalog.Attrs.CLB_CROSS_ZONE;
import static io.spofscan.rules.catalog.Attrs.CLB_ZONES;
import static io.spofscan.rules.catalog.Attrs.LB_CROSS_ZONE;
import static io.spofscan.rules.catalog.Attrs.LB_CROSS_ZONE_KEY;
import static io.spofscan.rules.catalog.Attrs.LB_SUBNETS;
import static io.spofscan.rules.catalog.Attrs.LB_SUBNET_MAPPINGS;
import static io.spofscan.rules.catalog.Attrs.LB_TYPE;

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
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-ELB-002",
    title = "Network or Classic Load Balancer with cross-zone load balancing off",
    severity = Severity.LOW,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "Without cross-zone load balancing each load balancer node sends traffic only to the targets in "
        + "its own Availability Zone. When a zone has few or no healthy targets left, its share of the traffic "
        + "lands on them alone (or is dropped until DNS stops sending clients there), so one zone's loss of "
        + "capacity becomes an outage for the clients routed to it.",
    remediation = "Turn cross-zone load balancing on: enable_cross_zone_load_balancing = true (aws_lb), "
        + "cross_zone_load_balancing = true (aws_elb), the load_balancing.cross_zone.enabled attribute "
        + "(LoadBalancerAttributes) or CrossZone: true (Classic, CloudFormation).",
    tags = {"aws", "elb", "load-balancer", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#cross-zone-load-balancing",
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#enable_cross_zone_load_balancing",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb#cross_zone_load_balancing"})
public final class LoadBalancerCrossZoneOff implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.LOAD_BALANCER_V2) || r.is(Kinds.CLASSIC_LOAD_BALANCER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value switchValue;
    boolean whenAbsent;
    String spelled;
    if (r.is(Kinds.LOAD_BALANCER_V2)) {
      Value type = r.attr(LB_TYPE);
      String name = Values.lower(type).orElse(type.isAbsent() ? "application" : "");
      if (type.isUnknown() || name.equals("application")) {
        return; // Application Load Balancers always balance across zones
      }
      if (singlePlace(r.attr(LB_SUBNETS).isAbsent() ? r.attr(LB_SUBNET_MAPPINGS) : r.attr(LB_SUBNETS))) {
        return; // one zone only: SPOF-ELB-001 reports it, cross-zone is moot
      }
      Value written = r.attr(LB_CROSS_ZONE);
      boolean pairs = written instanceof Value.ListValue;
      switchValue = pairs ? Values.keyed(written, LB_CROSS_ZONE_KEY) : written;
      whenAbsent = false;
      spelled = pairs ? LB_CROSS_ZONE_KEY : LB_CROSS_ZONE.spelledIn(r.format());
    } else {
      if (singlePlace(r.attr(LB_SUBNETS).isAbsent() ? r.attr(CLB_ZONES) : r.attr(LB_SUBNETS))) {
        return;
      }
      switchValue = r.attr(CLB_CROSS_ZONE);
      // The Terraform provider turns it on by default; the CloudFormation (API) default is off.
      whenAbsent = r.format() == Format.TERRAFORM;
      spelled = CLB_CROSS_ZONE.spelledIn(r.format());
    }
    Truth t = switchValue.truth(whenAbsent);
    if (t == Truth.FALSE) {
      Value where = switchValue.isAbsent() ? r.attr(LB_CROSS_ZONE) : switchValue;
      report.at(r, where, "%s balances only within each Availability Zone (%s %s): when one zone's targets fail "
          + "or shrink, the clients sent to that zone's node lose service", r.address(), spelled,
          switchValue.isAbsent() ? "not set, default false" : "= false");
    } else if (t == Truth.UNKNOWN) {
      report.unknown(r, switchValue, "%s may balance only within each Availability Zone: %s depends on %s",
          r.address(), spelled, Values.why(switchValue));
    }
  }

  private static boolean singlePlace(Value placement) {
    return placement instanceof Value.ListValue l && l.items().size() == 1;
  }
}
