package io.spofscan.rules.graph;

import io.spofscan.core.graph.Edge;
import io.spofscan.core.graph.Flow;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.rule.Finding;
import io.spofscan.core.rule.FlowChain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chain each finding's resource sits on: of every flow that reaches the resource, the shortest path from the
 * flow's entry to it; among paths of one length the one whose hops' addresses sort first, so the chain does not
 * depend on the order edges were found in. One instance per scan; chains are computed once per resource.
 */
public final class FlowChains {
  private static final Comparator<List<Node>> BY_IDS = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).id().compareTo(b.get(i).id());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private final Graph graph;
  private final List<Flow> flows;
  private final List<Map<Node, Integer>> stepIndex = new ArrayList<>();
  private final Map<String, List<Node>> byAddress = new HashMap<>();
  private final Map<Node, FlowChain> cache = new HashMap<>();

  public FlowChains(Graph graph, List<Flow> flows) {
    this.graph = graph;
    this.flows = List.copyOf(flows);
    for (Flow f : this.flows) {
      Map<Node, Integer> index = new HashMap<>();
      for (int i = 0; i < f.steps().size(); i++) {
        index.put(f.steps().get(i).node(), i);
      }
      stepIndex.add(index);
    }
    for (Node n : graph.nodes()) {
      if (n.isResource()) {
        byAddress.computeIfAbsent(n.resource().address(), k -> new ArrayList<>()).add(n);
      }
    }
  }

  /** The findings, each with the chain to its resource when a flow reaches it. */
  public List<Finding> attach(List<Finding> findings) {
    return findings.stream().map(f -> {
      FlowChain c = chainOf(f);
      return c.isEmpty() ? f : f.withFlow(c);
    }).toList();
  }

  public FlowChain chainOf(Finding f) {
    Node n = nodeOf(f);
    return n == null ? FlowChain.NONE : chainOf(n);
  }

  /** The chain to a node, {@link FlowChain#NONE} when no flow reaches it (or it is an entry and nothing leads to it). */
  public FlowChain chainOf(Node n) {
    return cache.computeIfAbsent(n, this::chainTo);
  }

  /** The finding's resource: by address, and by file when the address repeats across files. */
  private Node nodeOf(Finding f) {
    List<Node> same = byAddress.getOrDefault(f.resourceAddress(), List.of());
    for (Node n : same) {
      if (n.resource().path().equals(f.location().path())) {
        return n;
      }
    }
    return same.size() == 1 ? same.get(0) : null;
  }

  private FlowChain chainTo(Node target) {
    List<Node> best = null;
    List<Edge> bestEdges = null;
    int bestFlow = -1;
    List<String> names = new ArrayList<>();
    for (int fi = 0; fi < flows.size(); fi++) {
      Integer at = stepIndex.get(fi).get(target);
      if (at == null || at == 0) {
        continue; // an entry is not a hop of its own flow's chain: nothing leads to it
      }
      names.add(flows.get(fi).name());
      List<Edge> edges = shortest(fi, at);
      List<Node> nodes = new ArrayList<>();
      nodes.add(flows.get(fi).entry());
      edges.forEach(e -> nodes.add(e.to()));
      if (best == null || nodes.size() < best.size() || nodes.size() == best.size() && BY_IDS.compare(nodes, best) < 0) {
        best = nodes;
        bestEdges = edges;
        bestFlow = fi;
      }
    }
    if (best == null) {
      return FlowChain.NONE;
    }
    Set<String> flowNames = new LinkedHashSet<>();
    flowNames.add(flows.get(bestFlow).name());
    flowNames.addAll(names);
    List<FlowChain.Hop> hops = new ArrayList<>();
    hops.add(hop(best.get(0), null));
    bestEdges.forEach(e -> hops.add(hop(e.to(), e)));
    return new FlowChain(List.copyOf(flowNames), hops);
  }

  private static FlowChain.Hop hop(Node n, Edge via) {
    return new FlowChain.Hop(n.label(), via == null ? "" : via.kind().label(), via == null || via.certain(),
        n.location().orElseThrow());
  }

  /**
   * The edges of the lexicographically first shortest path from flow {@code fi}'s entry to its step {@code at}:
   * the nodes on some shortest path are collected backwards level by level (a flow's steps are breadth-first, so a
   * step's depth is its distance), then the path is chosen forwards, smallest address first.
   */
  private List<Edge> shortest(int fi, int at) {
    Flow flow = flows.get(fi);
    Map<Node, Integer> index = stepIndex.get(fi);
    int depth = flow.steps().get(at).depth();
    List<Set<Node>> levels = new ArrayList<>();
    for (int k = 0; k <= depth; k++) {
      levels.add(new HashSet<>());
    }
    levels.get(depth).add(flow.steps().get(at).node());
    for (int k = depth; k > 0; k--) {
      for (Node v : levels.get(k)) {
        for (Edge e : graph.in(v)) {
          Integer from = index.get(e.from());
          if (e.kind().carriesRequests() && from != null && flow.steps().get(from).depth() == k - 1) {
            levels.get(k - 1).add(e.from());
          }
        }
      }
    }
    List<Edge> path = new ArrayList<>();
    Node cur = flow.entry();
    for (int k = 1; k <= depth; k++) {
      Edge next = null;
      for (Edge e : graph.out(cur)) {
        if (e.kind().carriesRequests() && levels.get(k).contains(e.to()) && (next == null || better(e, next))) {
          next = e;
        }
      }
      if (next == null) {
        throw new IllegalStateException("no shortest path step from " + cur + " in flow " + flow.name());
      }
      path.add(next);
      cur = next.to();
    }
    return path;
  }

  /** Smaller target address first; between edges to one target, a certain one, then the first written. */
  private static boolean better(Edge a, Edge b) {
    int c = a.to().id().compareTo(b.to().id());
    if (c != 0) {
      return c < 0;
    }
    if (a.certain() != b.certain()) {
      return a.certain();
    }
    return a.at().compareTo(b.at()) < 0;
  }
}
