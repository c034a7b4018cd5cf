package io.spofscan.core.graph;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of one scan: a node per resource (plus external endpoints and unknown targets) and typed,
 * located edges. Built once per model ({@link Model#graph(EdgeSource)}), in time linear in resources and
 * references: edge sources index the model by kind, name and labels instead of comparing every pair. Immutable once
 * built; rules and reports only query it.
 */
public final class Graph {
  private final AppScope scope;
  private final List<Node> nodes;
  private final List<Edge> edges;
  private final Map<Resource, Node> byResource;
  private final Map<String, Node> byId;
  private final Map<Node, List<Edge>> out;
  private final Map<Node, List<Edge>> in;

  private Graph(Builder b) {
    this.scope = b.scope;
    this.nodes = List.copyOf(b.nodes.values());
    this.edges = List.copyOf(b.edges);
    this.byResource = b.byResource;
    this.byId = Collections.unmodifiableMap(b.nodes);
    Map<Node, List<Edge>> o = new HashMap<>();
    Map<Node, List<Edge>> i = new HashMap<>();
    for (Edge e : edges) {
      o.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      i.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
    }
    o.replaceAll((k, v) -> List.copyOf(v));
    i.replaceAll((k, v) -> List.copyOf(v));
    this.out = o;
    this.in = i;
  }

  /** Builds the graph of {@code model} with the edges {@code source} finds. */
  public static Graph build(Model model, EdgeSource source) {
    Builder b = new Builder(model);
    source.addEdges(model, b);
    return new Graph(b);
  }

  public AppScope scope() {
    return scope;
  }

  /** Every node: resources in model order, then external and unknown nodes in the order they were found. */
  public List<Node> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  public Node node(Resource r) {
    Node n = byResource.get(r);
    if (n == null) {
      throw new IllegalArgumentException("not a resource of this graph: " + r.address());
    }
    return n;
  }

  public Optional<Node> node(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Edge> out(Node n) {
    return out.getOrDefault(n, List.of());
  }

  public List<Edge> in(Node n) {
    return in.getOrDefault(n, List.of());
  }

  public List<Edge> out(Resource r, EdgeKind kind) {
    return out(node(r)).stream().filter(e -> e.kind() == kind).toList();
  }

  public List<Edge> in(Resource r, EdgeKind kind) {
    return in(node(r)).stream().filter(e -> e.kind() == kind).toList();
  }

  /** Collects nodes and edges while edge sources run; {@link Graph#build} turns it into the immutable graph. */
  public static final class Builder {
    private final Model model;
    private final AppScope scope;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<Resource, Node> byResource = new IdentityHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Set<String> edgeKeys = new HashSet<>();

    Builder(Model model) {
      this.model = model;
      this.scope = model.scope();
      Map<String, Integer> addresses = new HashMap<>();
      for (Resource r : model.resources()) {
        addresses.merge(r.address(), 1, Integer::sum);
      }
      Map<String, Integer> seen = new HashMap<>();
      for (Resource r : model.resources()) {
        String id = addresses.get(r.address()) == 1 ? r.address() : r.address() + " (" + r.path() + ")";
        int n = seen.merge(id, 1, Integer::sum);
        if (n > 1) {
          id = id + " #" + n; // the same address twice in one file: keep both nodes apart
        }
        Node node = new Node(id, Node.Type.RESOURCE, r, r.address(), "");
        nodes.put(id, node);
        byResource.put(r, node);
      }
    }

    public Model model() {
      return model;
    }

    public AppScope scope() {
      return scope;
    }

    public Node node(Resource r) {
      Node n = byResource.get(r);
      if (n == null) {
        throw new IllegalArgumentException("not a resource of this model: " + r.address());
      }
      return n;
    }

    /** The node of a host no scanned resource serves (one per host). */
    public Node external(String host) {
      return nodes.computeIfAbsent("external:" + host, id -> new Node(id, Node.Type.EXTERNAL, null, host, ""));
    }

    /** A target the scan could not resolve; {@code what} is the reference as written, {@code reason} why. */
    public Node unknown(String what, String reason) {
      return nodes.computeIfAbsent("unknown:" + what, id -> new Node(id, Node.Type.UNKNOWN, null, what, reason));
    }

    /** Adds an edge unless the same one (kind, ends, location) is there already; FALSE edges are dropped. */
    public Builder edge(EdgeKind kind, Node from, Node to, SourceRange at, Truth truth, String via) {
      if (truth == Truth.FALSE || from.equals(to)) {
        return this;
      }
      if (edgeKeys.add(kind + "|" + from.id() + "|" + to.id() + "|" + at)) {
        edges.add(new Edge(kind, from, to, at, truth, via));
      }
      return this;
    }

    public Builder edge(EdgeKind kind, Resource from, Resource to, SourceRange at, Truth truth, String via) {
      return edge(kind, node(from), node(to), at, truth, via);
    }
  }
}
