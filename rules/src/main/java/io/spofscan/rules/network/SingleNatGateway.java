package io.spofscan.rules.network;

import static io.spofscan.rules.catalog.Attrs.NAT_CONNECTIVITY;
import static io.spofscan.rules.catalog.Attrs.SUBNET_AZ;

import io.spofscan.core.graph.Edge;
import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.graph.Graphs;
import io.spofscan.rules.modules.ModuleAwareModelRule;
import io.spofscan.rules.support.Values;
import io.spofscan.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    Graph graph = Graphs.of(model);
    for (Group g : groups.values()) {
      boolean routed = false;
      for (Resource nat : g.nats) {
        Optional<List<Resource>> served = served(graph, nat);
        if (served.isPresent()) {
          routed = true;
          judge(nat, served.get(), true, report);
        }
      }
      if (!routed && g.nats.size() == 1) {
        // no route in the scan names it: every subnet declared beside it may route through it
        judge(g.nats.get(0), g.subnets, false, report);
      }
      // several NAT gateways and no routes: whether each zone routes to its own is not decidable here
    }
  }

  /** The subnets whose route tables send traffic through {@code nat}, or empty when no route in the scan does. */
  private static Optional<List<Resource>> served(Graph graph, Resource nat) {
    Set<Resource> subnets = new LinkedHashSet<>();
    boolean routed = false;
    for (Edge route : graph.in(nat, EdgeKind.EGRESS_VIA)) {
      if (route.from().isResource() && route.from().resource().is(Kinds.ROUTE_TABLE)) {
        routed = true;
        for (Edge association : graph.in(route.from().resource(), EdgeKind.EGRESS_VIA)) {
          if (association.from().isResource() && association.from().resource().is(Kinds.SUBNET)) {
            subnets.add(association.from().resource());
          }
        }
      }
    }
    return routed ? Optional.of(List.copyOf(subnets)) : Optional.empty();
  }

  private static void judge(Resource nat, List<Resource> subnets, boolean routed, Reporter report) {
    Zones zones = new Zones();
    for (Resource s : subnets) {
      if (s.certainlyExists()) {
        zones.add(s.attr(SUBNET_AZ));
      } else {
        zones.addMaybe(s.attr(SUBNET_AZ), s.existence());
      }
    }
    if (zones.distinct() >= 2) {
      report.at(nat, Value.absent(), "%s %s %d Availability Zones (%s): an outage of its zone cuts every one of "
          + "them off", nat.address(), routed ? "routes the subnets of" : "is the only NAT gateway for subnets in",
          zones.distinct(), zones.names());
    } else if (zones.mayBeSeveral() && subnets.size() >= 2) {
      report.unknown(nat, Value.absent(), "%s %s %d subnets, which may span several Availability Zones: their "
          + "zones depend on %s", nat.address(), routed ? "routes" : "is the only NAT gateway for",
          subnets.size(), Values.why(zones.why()));
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
