package io.spofscan.rules.graph;

import io.spofscan.core.graph.EdgeSource;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.model.Model;
import java.util.List;

/** The dependency graph every built-in rule and report asks: one per model, with every edge builder's edges. */
public final class Graphs {
  private Graphs() {}

  /** All edge builders, in a fixed order (edges keep it, so reports are deterministic). */
  public static final EdgeSource EDGES = composite(List.of(new KubernetesEdges()));

  public static Graph of(Model model) {
    return model.graph(EDGES);
  }

  private static EdgeSource composite(List<EdgeSource> sources) {
    return (model, graph) -> sources.forEach(s -> s.addEdges(model, graph));
  }
}
