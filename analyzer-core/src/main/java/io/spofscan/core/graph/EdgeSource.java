package io.spofscan.core.graph;

import io.spofscan.core.model.Model;

/**
 * Finds the edges of a model. The core knows no resource types; the rules module, which holds the catalogue of
 * kinds and attributes, implements this, and {@link Model#graph(EdgeSource)} calls it once per model.
 */
@FunctionalInterface
public interface EdgeSource {
  void addEdges(Model model, Graph.Builder graph);
}
