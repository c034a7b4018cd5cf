package io.spofscan.core.rule;

import io.spofscan.core.model.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * The flows a finding's resource breaks and one chain that reaches it: the hops from an entry point (a public DNS
 * record, an Ingress, an internet-facing load balancer) to the resource with the finding, the last hop. Reports show
 * it next to the finding (SARIF as {@code codeFlows}); it is not part of the fingerprint, so a new route to a
 * resource never turns an accepted finding into a new one.
 *
 * @param flows names of every flow that reaches the resource, in the order the scan lists flows
 * @param hops the shortest chain from one of those flows' entry to the resource (ties: by the hops' addresses)
 */
public record FlowChain(List<String> flows, List<Hop> hops) {
  /** No flow reaches the resource. */
  public static final FlowChain NONE = new FlowChain(List.of(), List.of());

  /**
   * One hop of the chain.
   *
   * @param label how reports name it (the resource address)
   * @param edge the kind of the edge that reached it ({@code routes-to}, {@code uses}); empty for the entry
   * @param certain whether that edge certainly holds (an edge through an unresolved selector does not)
   * @param location the hop's resource header
   */
  public record Hop(String label, String edge, boolean certain, SourceRange location) {
    public Hop {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(location, "location");
      edge = edge == null ? "" : edge;
    }
  }

  public FlowChain {
    flows = List.copyOf(flows);
    hops = List.copyOf(hops);
    if (flows.isEmpty() != hops.isEmpty()) {
      throw new IllegalArgumentException("a chain belongs to at least one flow, and a flow to a chain");
    }
  }

  public boolean isEmpty() {
    return hops.isEmpty();
  }

  /** Whether every edge of the chain certainly holds. */
  public boolean known() {
    return hops.stream().allMatch(Hop::certain);
  }

  /** {@code a -> b -> c}, with {@code -?->} before a hop whose edge is uncertain. */
  public String arrows() {
    StringBuilder b = new StringBuilder();
    for (Hop h : hops) {
      if (b.length() > 0) {
        b.append(h.certain() ? " -> " : " -?-> ");
      }
      b.append(h.label());
    }
    return b.toString();
  }

  /** For a finding's message: which flows it breaks, through which chain. */
  public String sentence() {
    return isEmpty() ? "" : "breaks " + summary();
  }

  /** A finding's message followed by the sentence, as one text: {@code ... fail over to. Breaks flow www: a -> b.} */
  public String appendedTo(String message) {
    if (isEmpty()) {
      return message;
    }
    return message + (message.endsWith(".") ? " B" : ". B") + sentence().substring(1) + ".";
  }

  /** {@code flow www.shop.example.net (and 1 more flow: admin): a -> b -> c}. */
  public String summary() {
    if (isEmpty()) {
      return "";
    }
    String more = flows.size() == 1 ? "" : " (and " + (flows.size() - 1) + " more flow"
        + (flows.size() == 2 ? "" : "s") + ": " + String.join(", ", flows.subList(1, Math.min(flows.size(), 6)))
        + (flows.size() > 6 ? ", ..." : "") + ")";
    return "flow " + flows.get(0) + more + ": " + arrows();
  }
}
