package io.spofscan.rules.network;

import static io.spofscan.rules.catalog.Attrs.NAT_CONNECTIVITY;
import static io.spofscan.rules.catalog.Attrs.SUBNET_AZ;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareModelRule;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

@RuleInfo(
    id = "SPOF-NAT-001",
    title = "One NAT gateway serves subnets in several Availability Zones",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A NAT gateway lives in one Availability Zone. When the private subnets of every zone route through "
        + "it, that zone's outage cuts all of them off from the internet and AWS APIs, although the workloads "
        + "themselves are spread over zones.",
    remediation = "Create one NAT gateway per Availability Zone and route each zone's private subnets to the NAT "
        + "gateway of their own zone (terraform-aws-modules/vpc: single_nat_gateway = false, "
        + "one_nat_gateway_per_az = true).",
    tags = {"aws", "vpc", "nat", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
        "https://registry.terraform.io/modules/terraform-aws-modules/vpc/aws/latest#nat-gateway-scenarios"})
public final class SingleNatGateway implements ModuleAwareModelRule {

  /** NAT gateways and subnets declared together: one Terraform module instance or one CloudFormation template. */
  private static final class Group {
    final List<Resource> nats = new ArrayList<>();
    final List<Resource> subnets = new ArrayList<>();
  }

  @Override
  public void checkResources(Model model, Reporter report) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Resource nat : model.all(Kinds.NAT_GATEWAY)) {
      if (Values.lower(nat.attr(NAT_CONNECTIVITY)).map("private"::equals).orElse(false)) {
        continue; // a private NAT gateway does not carry internet egress
      }
      groups.computeIfAbsent(groupKey(nat), k -> new Group()).nats.add(nat);
    }
    for (Resource subnet : model.all(Kinds.SUBNET)) {
      Group g = groups.get(groupKey(subnet));
      if (g != null) {
        g.subnets.add(subnet);
      }
    }
    for (Group g : groups.values()) {
      if (g.nats.size() != 1) {
        continue; // several NAT gateways: whether each zone routes to its own is not decidable here
      }
      Resource nat = g.nats.get(0);
      TreeSet<String> zones = new TreeSet<>();
      Optional<Value> unknownZone = Optional.empty();
      for (Resource s : g.subnets) {
        Value az = s.attr(SUBNET_AZ);
        if (az.isUnknown() || !s.certainlyExists()) {
          unknownZone = unknownZone.isPresent() ? unknownZone : Optional.of(az.isUnknown() ? az : s.existence());
        } else {
          az.asString().ifPresent(zones::add);
        }
      }
      if (zones.size() >= 2) {
        report.at(nat, Value.absent(), "%s is the only NAT gateway for subnets in %d Availability Zones (%s): an "
            + "outage of its zone cuts every private subnet off", nat.address(), zones.size(),
            String.join(", ", zones));
      } else if (unknownZone.isPresent() && g.subnets.size() >= 2) {
        report.unknown(nat, Value.absent(), "%s is the only NAT gateway for %d subnets, which may span several "
            + "Availability Zones: their zones depend on %s", nat.address(), g.subnets.size(),
            Values.why(unknownZone.get()));
      }
    }
  }

  private static String groupKey(Resource r) {
    String path = r.path();
    String scope = r.format() == Format.TERRAFORM && path.contains("/") ? path.substring(0, path.lastIndexOf('/'))
        : path;
    StringBuilder key = new StringBuilder(r.format() + "|" + scope);
    for (SourceRange call : r.callChain()) {
      key.append('|').append(call);
    }
    return key.toString();
  }
}
