package io.spofscan.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One flow: an entry point and everything requests reach from it along ROUTES_TO, USES and NEEDS_AT_START edges,
 * as a tree (each node once, under the hop that reached it first, breadth-first so the shortest chain wins).
 *
 * @param name how users call it ({@code www.shop.example.net}, a configured name, or the entry's address)
 * @param critical named critical in the configuration
 * @param steps entry first, then in breadth-first order
 * @param truncated whether the walk stopped at the node cap
 */
public record Flow(String name, boolean critical, List<Step> steps, boolean truncated) {

  /**
   * A node of the flow and the edge that reached it.
   *
   * @param node the hop
   * @param via the edge from its parent, null for the entry
   * @param parent index of the parent step, -1 for the entry
   * @param depth hops from the entry
   */
  public record Step(Node node, Edge via, int parent, int depth) {}

  public Flow {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a flow has at least its entry");
    }
  }

  public Node entry() {
    return steps.get(0).node();
  }

  /** The steps from the entry to step {@code index}, entry first. */
  public List<Step> pathTo(int index) {
    List<Step> out = new ArrayList<>();
    for (int i = index; i >= 0; i = steps.get(i).parent()) {
      out.add(steps.get(i));
    }
    Collections.reverse(out);
    return out;
  }

  public int indexOf(Node n) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).node().equals(n)) {
        return i;
      }
    }
    return -1;
  }

  /** Hops whose target the scan could not resolve. */
  public long unknownHops() {
    return steps.stream().filter(s -> s.node().isUnknown()).count();
  }

  /** Whether every edge on the path to step {@code index} certainly holds and no hop on it is unknown. */
  public boolean pathKnown(int index) {
    for (Step s : pathTo(index)) {
      if (s.node().isUnknown() || s.via() != null && !s.via().certain()) {
        return false;
      }
    }
    return true;
  }
}
