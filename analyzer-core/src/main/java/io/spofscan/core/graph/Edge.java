package io.spofscan.core.graph;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import java.util.Objects;

/**
 * A typed, located relation: {@code from} depends on (or acts on) {@code to}.
 *
 * @param kind what the relation means
 * @param from the source node
 * @param to the target node (an unknown node when the reference did not resolve)
 * @param at the attribute that creates the edge (a selector, a reference, an environment variable)
 * @param truth TRUE when it certainly holds, UNKNOWN when it depends on something unresolved (a selector with an
 *     unresolved label); edges known not to hold are never added
 * @param via how it is written, for messages: {@code spec.selector}, {@code env DATABASE_URL}, may be empty
 */
public record Edge(EdgeKind kind, Node from, Node to, SourceRange at, Truth truth, String via) {
  public Edge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    truth = truth == null ? Truth.TRUE : truth;
    if (truth == Truth.FALSE) {
      throw new IllegalArgumentException("an edge known not to hold is no edge");
    }
    via = via == null ? "" : via;
  }

  public boolean certain() {
    return truth == Truth.TRUE;
  }

  @Override
  public String toString() {
    return from + " -" + kind.label() + "-> " + to + " (" + at + ")";
  }
}
