package io.spofscan.rules.graph;

import io.spofscan.core.graph.Flow;
import io.spofscan.core.graph.FlowWalker;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.GraphKinds;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.k8s.K8s;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flows of a scan: every entry point from outside (public DNS records, CDN distributions, internet-facing load
 * balancers, API Gateway APIs, Ingresses, Gateway API routes, LoadBalancer and NodePort Services) walked through the
 * graph. An entry that another entry reaches (the CloudFront behind a DNS record) is a hop of that flow, not a flow
 * of its own.
 */
public final class Flows {
  private Flows() {}

  public static List<Flow> of(Model model) {
    return of(model, Map.of());
  }

  /**
   * @param named flows named in the configuration: name to entry (an address or a host name); they come first and
   *     are critical
   */
  public static List<Flow> of(Model model, Map<String, String> named) {
    Graph graph = Graphs.of(model);
    List<Flow> out = new ArrayList<>();
    Set<Node> namedEntries = new HashSet<>();
    for (Map.Entry<String, String> e : named.entrySet()) {
      for (Resource r : model.resources()) {
        if (r.address().equals(e.getValue()) || nameOf(r).equals(e.getValue())) {
          namedEntries.add(graph.node(r));
          out.add(FlowWalker.walk(graph, graph.node(r), e.getKey(), true));
          break;
        }
      }
    }
    List<Flow> automatic = new ArrayList<>();
    for (Resource r : model.resources()) {
      if (isEntry(r) && !namedEntries.contains(graph.node(r))) {
        automatic.add(FlowWalker.walk(graph, graph.node(r), nameOf(r), false));
      }
    }
    Map<Node, Set<Node>> reaches = new HashMap<>();
    for (Flow f : automatic) {
      Set<Node> nodes = new HashSet<>();
      f.steps().stream().skip(1).forEach(s -> nodes.add(s.node()));
      reaches.put(f.entry(), nodes);
    }
    Set<Node> covered = new HashSet<>(namedEntries);
    out.forEach(f -> f.steps().forEach(s -> covered.add(s.node())));
    for (Flow f : automatic) {
      boolean inner = covered.contains(f.entry()) || automatic.stream().anyMatch(o -> o != f
          && reaches.get(o.entry()).contains(f.entry()) && !reaches.get(f.entry()).contains(o.entry()));
      if (!inner) {
        out.add(f);
      }
    }
    return out;
  }

  /** Reached from outside the system. */
  static boolean isEntry(Resource r) {
    if (r.is(GraphKinds.DNS_RECORD) || r.is(Kinds.CLOUDFRONT_DISTRIBUTION) || r.is(GraphKinds.API_GATEWAY)
        || r.is(Kinds.INGRESS) || r.is(GraphKinds.HTTP_ROUTE)) {
      return true;
    }
    if (r.is(Kinds.LOAD_BALANCER_V2) || r.is(Kinds.CLASSIC_LOAD_BALANCER)) {
      Value internal = r.format() == Format.CLOUDFORMATION ? r.attr("Properties.Scheme") : r.attr("internal");
      return r.format() == Format.CLOUDFORMATION
          ? !internal.asString().orElse("internet-facing").equals("internal")
          : internal.truth(false) == Truth.FALSE;
    }
    if (r.is(Kinds.SERVICE)) {
      String type = r.attr("spec.type").asString().orElse("ClusterIP");
      return type.equals("LoadBalancer") || type.equals("NodePort");
    }
    return false;
  }

  /** How users call the flow: its host name where it has one, else the entry's address. */
  public static String nameOf(Resource r) {
    if (r.is(GraphKinds.DNS_RECORD)) {
      Value name = r.format() == Format.CLOUDFORMATION ? r.attr("Properties.Name") : r.attr("name");
      return name.asString().map(n -> n.endsWith(".") ? n.substring(0, n.length() - 1) : n).orElse(r.address());
    }
    if (r.is(Kinds.CLOUDFRONT_DISTRIBUTION)) {
      Value aliases = r.format() == Format.CLOUDFORMATION ? r.attr("Properties.DistributionConfig.Aliases")
          : r.attr("aliases");
      return aliases.items().stream().flatMap(v -> v.asString().stream()).findFirst().orElse(r.address());
    }
    if (r.is(Kinds.INGRESS)) {
      return r.attr("spec.rules").items().stream().flatMap(v -> v.get("host").asString().stream()).findFirst()
          .orElse(r.address());
    }
    if (r.is(GraphKinds.HTTP_ROUTE)) {
      return r.attr("spec.hostnames").items().stream().flatMap(v -> v.asString().stream()).findFirst()
          .orElse(r.address());
    }
    if (r.is(Kinds.SERVICE)) {
      return r.address() + " (" + r.attr("spec.type").asString().orElse("") + ")";
    }
    return r.format() == Format.KUBERNETES ? K8s.name(r) : r.address();
  }
}
