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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flows of a scan: every entry point from outside (public DNS records, CDN distributions, internet-facing load
 * balancers, API Gateway APIs, Ingresses, Gateway API routes, LoadBalancer and NodePort Services) walked through the
 * graph. An entry that another entry reaches (the CloudFront behind a DNS record) is a hop of that flow, not a flow
 * of its own. Flows named in the configuration come first, with their names.
 */
public final class Flows {
  private Flows() {}

  public static List<Flow> of(Model model) {
    return of(model, List.of());
  }

  /**
   * A flow named in the configuration.
   *
   * @param name how reports call it
   * @param entry a resource address, or a host name that an entry point serves ({@code shop.example.net})
   * @param critical marked critical in the configuration
   */
  public record Named(String name, String entry, boolean critical) {}

  /**
   * @param named flows named in the configuration; they come first, and a named entry is no automatic flow. A name
   *     whose entry matches nothing is left out (see {@link #unmatched})
   */
  public static List<Flow> of(Model model, List<Named> named) {
    Graph graph = Graphs.of(model);
    List<Flow> out = new ArrayList<>();
    Set<Node> namedEntries = new HashSet<>();
    for (Named n : named) {
      entryOf(model, graph, n.entry()).ifPresent(r -> {
        namedEntries.add(graph.node(r));
        out.add(FlowWalker.walk(graph, graph.node(r), n.name(), n.critical()));
      });
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

  /** The named flows whose entry is neither a resource address nor a host name an entry point of the scan serves. */
  public static List<Named> unmatched(Model model, List<Named> named) {
    Graph graph = Graphs.of(model);
    return named.stream().filter(n -> entryOf(model, graph, n.entry()).isEmpty()).toList();
  }

  /**
   * A configured entry: the resource at that address (the first in scan order when the address repeats), else the
   * entry point serving that host; of several (a DNS record and the CDN it names), the one whose flow reaches most of
   * the others, so the flow starts where requests arrive.
   */
  static Optional<Resource> entryOf(Model model, Graph graph, String entry) {
    for (Resource r : model.resources()) {
      if (r.address().equals(entry)) {
        return Optional.of(r);
      }
    }
    String host = host(entry);
    List<Resource> serving = model.resources().stream().filter(r -> hostsOf(r).contains(host)).toList();
    Resource best = null;
    long bestReach = -1;
    for (Resource r : serving) {
      Set<Node> reached = new HashSet<>();
      FlowWalker.walk(graph, graph.node(r), entry, false).steps().forEach(s -> reached.add(s.node()));
      long reach = serving.stream().filter(o -> o != r && reached.contains(graph.node(o))).count();
      if (reach > bestReach) {
        best = r;
        bestReach = reach;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The host names an entry point serves: a DNS record's name, a CDN's aliases, an Ingress's or route's hosts. */
  static Set<String> hostsOf(Resource r) {
    Set<String> out = new LinkedHashSet<>();
    if (r.is(GraphKinds.DNS_RECORD)) {
      (r.format() == Format.CLOUDFORMATION ? r.attr("Properties.Name") : r.attr("name")).asString()
          .ifPresent(n -> out.add(host(n)));
    } else if (r.is(Kinds.CLOUDFRONT_DISTRIBUTION)) {
      Value aliases = r.format() == Format.CLOUDFORMATION ? r.attr("Properties.DistributionConfig.Aliases")
          : r.attr("aliases");
      aliases.items().forEach(v -> v.asString().ifPresent(n -> out.add(host(n))));
    } else if (r.is(Kinds.INGRESS)) {
      r.attr("spec.rules").items().forEach(v -> v.get("host").asString().ifPresent(n -> out.add(host(n))));
      r.attr("spec.tls").items().forEach(t -> t.get("hosts").items()
          .forEach(v -> v.asString().ifPresent(n -> out.add(host(n)))));
    } else if (r.is(GraphKinds.HTTP_ROUTE)) {
      r.attr("spec.hostnames").items().forEach(v -> v.asString().ifPresent(n -> out.add(host(n))));
    }
    return out;
  }

  /** DNS names compare without case and without the root's trailing dot. */
  private static String host(String name) {
    String h = name.trim().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** Reached from outside the system. */
  public static boolean isEntry(Resource r) {
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
