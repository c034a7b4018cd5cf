package io.spofscan.core.graph;

import java.util.Locale;

/** What an edge of the dependency graph means. */
public enum EdgeKind {
  /** Traffic goes from the source to the target: DNS record to load balancer, Service to its pods. */
  ROUTES_TO,
  /** The source connects to the target while it runs: a workload to its database. */
  USES,
  /** The source runs inside the target: a subnet, an availability zone. */
  PLACED_IN,
  /** Outbound traffic of the source leaves through the target: a route table to its NAT gateway. */
  EGRESS_VIA,
  /** The source cannot start without the target: a secret store, an init container's wait. */
  NEEDS_AT_START,
  /** An autoscaler (source) sets the replica count of its target. */
  SCALES,
  /** A disruption budget (source) protects the pods of its target. */
  PROTECTS;

  /** The spelling used in reports: {@code routes-to}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Edges a request follows from an entry point to the data: what a flow walks. */
  public boolean carriesRequests() {
    return this == ROUTES_TO || this == USES || this == NEEDS_AT_START;
  }
}
