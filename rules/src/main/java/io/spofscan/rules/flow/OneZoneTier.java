package io.spofscan.rules.flow;

import io.spofscan.core.graph.Edge;
import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Attrs;
import io.spofscan.rules.catalog.GraphKinds;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.graph.Flows;
import io.spofscan.rules.graph.Graphs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(
    id = "SPOF-FLOW-001",
    title = "A tier of a flow runs in several subnets that are all in one Availability Zone",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "A service, Auto Scaling group or function that requests of a flow reach runs only where its "
        + "subnets are. Subnets are zonal: when every subnet it is given lies in the same Availability Zone, more "
        + "subnets add no redundancy, and an outage of that zone stops every request of the flow that passes "
        + "through it. Reported only when a flow from an entry point reaches the tier, no other target beside it "
        + "takes the same traffic, and every subnet's zone is known; a subnet whose zone or reference the scan "
        + "cannot resolve makes the finding unknown and names it.",
    remediation = "Give the tier subnets in two or more Availability Zones (availability_zone / AvailabilityZone "
        + "of each subnet it lists).",
    tags = {"aws", "flow", "availability-zone", "shared-fate"},
    references = {
        "https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/zonal-services.html",
        "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html"})
public final class OneZoneTier implements ResourceRule {
  private static final Attr ASG_SUBNETS = Attr.named("vpc_zone_identifier").terraform("vpc_zone_identifier")
      .cloudformation("Properties.VPCZoneIdentifier");
  private static final Attr SUBNET_ZONE = Attr.named("availability_zone").terraform("availability_zone")
      .cloudformation("Properties.AvailabilityZone");
  private static final Attr SUBNET_ZONE_ID = Attr.named("availability_zone_id").terraform("availability_zone_id")
      .cloudformation("Properties.AvailabilityZoneId");

  @Override
  public boolean appliesTo(Resource r) {
    return subnetsAttr(r).isPresent();
  }

  private static Optional<Attr> subnetsAttr(Resource r) {
    if (r.is(Kinds.ECS_SERVICE)) {
      return Optional.of(Attrs.ECS_SUBNETS);
    }
    if (r.is(GraphKinds.ASG)) {
      return Optional.of(ASG_SUBNETS);
    }
    return r.is(Kinds.LAMBDA_FUNCTION) ? Optional.of(Attrs.LAMBDA_SUBNETS) : Optional.empty();
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value subnets = r.attr(subnetsAttr(r).orElseThrow());
    List<Value> items = subnets.items();
    if (!(subnets instanceof Value.ListValue) || items.size() < 2) {
      return; // one subnet, or a list the scan cannot see: the tier's own rule reports it
    }
    Graph graph = Graphs.of(model);
    Node node = graph.node(r);
    Optional<String> uncertainHop = reachedFromEntry(graph, node);
    if (uncertainHop == null || hasAlternative(graph, node)) {
      return;
    }
    // an item is the subnet whose reference is written where the item is (a one-line list has several per line)
    Map<String, Resource> subnetAt = new LinkedHashMap<>();
    Map<Integer, List<Resource>> subnetsOnLine = new LinkedHashMap<>();
    for (Edge e : graph.out(r, EdgeKind.PLACED_IN)) {
      if (e.certain() && e.to().isResource() && e.to().resource().is(Kinds.SUBNET)) {
        subnetAt.putIfAbsent(e.at().line() + ":" + e.at().column(), e.to().resource());
        subnetsOnLine.computeIfAbsent(e.at().line(), k -> new ArrayList<>()).add(e.to().resource());
      }
    }
    TreeSet<String> zones = new TreeSet<>();
    Set<String> named = new TreeSet<>();
    List<String> unresolved = new ArrayList<>();
    for (Value item : items) {
      int line = item.location().map(l -> l.line()).orElse(-1);
      Resource subnet = item.location().map(l -> subnetAt.get(l.line() + ":" + l.column())).orElse(null);
      List<Resource> onLine = subnetsOnLine.getOrDefault(line, List.of());
      if (subnet == null && onLine.size() == 1 && items.stream().filter(i -> i.location()
          .map(l -> l.line() == line).orElse(false)).count() == 1) {
        subnet = onLine.get(0);
      }
      if (subnet == null) {
        unresolved.add(item.unknownReason().orElse("a subnet not in the scanned configuration"));
        continue;
      }
      Value zone = subnet.attr(SUBNET_ZONE);
      if (zone.isAbsent()) {
        zone = subnet.attr(SUBNET_ZONE_ID);
      }
      Optional<String> known = zone.isKnown() ? zone.asString() : Optional.empty();
      if (known.isPresent()) {
        zones.add(known.get());
        named.add(subnet.address());
      } else {
        unresolved.add(subnet.address() + ": " + zone.unknownReason().orElse("its zone is chosen by AWS"));
      }
    }
    if (zones.size() != 1 || named.size() < 2) {
      return; // two zones seen: redundant; fewer than two subnets known: nothing to say about this list
    }
    String zone = zones.first();
    uncertainHop.ifPresent(h -> unresolved.add("the flow reaches it through " + h));
    if (unresolved.isEmpty()) {
      report.at(r, subnets, "%s runs only in %s: its subnets %s are all in that Availability Zone, so an outage "
          + "of the zone stops every request of the flow through it", r.address(), zone, String.join(", ", named));
    } else {
      report.unknown(r, subnets, "%s may run only in %s: its subnets %s are in that Availability Zone, and the rest "
          + "depends on %s", r.address(), zone, String.join(", ", named), String.join("; ", unresolved));
    }
  }

  /**
   * Whether some entry point reaches the node backwards along the edges requests follow: empty when a path of
   * certain edges does, the first uncertain edge's reference when only uncertain paths do, null when none does.
   */
  private static Optional<String> reachedFromEntry(Graph graph, Node target) {
    if (reaches(graph, target, true)) {
      return Optional.empty();
    }
    if (!reaches(graph, target, false)) {
      return null;
    }
    for (Edge e : graph.in(target)) {
      if (!e.certain() && e.kind().carriesRequests()) {
        return Optional.of(e.via().isEmpty() ? e.from().label() : e.via());
      }
    }
    return Optional.of("an uncertain edge");
  }

  private static boolean reaches(Graph graph, Node target, boolean certainOnly) {
    Set<Node> seen = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.add(target);
    seen.add(target);
    while (!todo.isEmpty()) {
      Node n = todo.poll();
      if (n != target && n.isResource() && Flows.isEntry(n.resource())) {
        return true;
      }
      for (Edge e : graph.in(n)) {
        if (e.kind().carriesRequests() && (e.certain() || !certainOnly) && seen.add(e.from())) {
          todo.add(e.from());
        }
      }
    }
    return false;
  }

  /** Another target beside this one (a second group or service behind the same target group) takes its traffic. */
  private static boolean hasAlternative(Graph graph, Node node) {
    for (Edge in : graph.in(node)) {
      if (in.kind() != EdgeKind.ROUTES_TO) {
        continue;
      }
      for (Edge sibling : graph.out(in.from())) {
        if (sibling.kind() == EdgeKind.ROUTES_TO && !sibling.to().equals(node) && sibling.to().isResource()
            && subnetsAttr(sibling.to().resource()).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }
}
