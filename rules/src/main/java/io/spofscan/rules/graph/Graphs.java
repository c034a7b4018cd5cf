package io.spofscan.rules.graph;

import io.spofscan.core.graph.EdgeSource;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.model.Model;
import java.util.List;

/** The dependency graph every built-in rule and report asks: one per model, with every edge builder's edges. */
public final class Graphs {
  private Graphs() {}

  /** All edge builders, in a fixed order (edges keep it, so reports are deterministic); fresh ones per model. */
  public static final EdgeSource EDGES = (model, graph) -> {
    for (EdgeSource s : List.<EdgeSource>of(new KubernetesEdges(), new KubernetesUses(), new CloudEdges())) {
      s.addEdges(model, graph);
    }
  };

  public static Graph of(Model model) {
    return model.graph(EDGES);
  }

}
