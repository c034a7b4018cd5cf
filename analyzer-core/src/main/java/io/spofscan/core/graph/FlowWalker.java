package io.spofscan.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Walks a graph from an entry point along the edges requests follow; linear in the nodes and edges it reaches. */
public final class FlowWalker {
  /** Nodes one flow shows at most: large graphs stay readable, and the report says when it stopped. */
  public static final int MAX_STEPS = 200;

  private FlowWalker() {}

  public static Flow walk(Graph graph, Node entry, String name, boolean critical) {
    List<Flow.Step> steps = new ArrayList<>();
    Map<Node, Integer> seen = new HashMap<>();
    Deque<Integer> todo = new ArrayDeque<>();
    steps.add(new Flow.Step(entry, null, -1, 0));
    seen.put(entry, 0);
    todo.add(0);
    boolean truncated = false;
    while (!todo.isEmpty()) {
      int i = todo.poll();
      Flow.Step at = steps.get(i);
      for (Edge e : graph.out(at.node())) {
        if (!e.kind().carriesRequests() || seen.containsKey(e.to())) {
          continue;
        }
        if (steps.size() >= MAX_STEPS) {
          truncated = true;
          break;
        }
        seen.put(e.to(), steps.size());
        steps.add(new Flow.Step(e.to(), e, i, at.depth() + 1));
        todo.add(steps.size() - 1);
      }
    }
    return new Flow(name, critical, steps, truncated);
  }
}
