package io.spofscan.core.graph;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import java.util.Objects;
import java.util.Optional;

/**
 * A vertex of the dependency graph: a scanned resource, an external endpoint (a host no scanned resource serves),
 * or an unknown target (a reference the scan could not resolve, with the reason).
 *
 * @param id unique within one graph and stable across runs: the resource address (with its file when the address
 *     repeats), {@code external:HOST}, {@code unknown:TEXT}
 * @param type what it is
 * @param resource the resource, or null for external and unknown nodes
 * @param label how reports name it
 * @param reason for unknown nodes: why the target is not known; empty otherwise
 */
public record Node(String id, Type type, Resource resource, String label, String reason) {

  /** What a node stands for. */
  public enum Type { RESOURCE, EXTERNAL, UNKNOWN }

  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    reason = reason == null ? "" : reason;
    if ((type == Type.RESOURCE) != (resource != null)) {
      throw new IllegalArgumentException("a resource node needs its resource, other nodes none: " + id);
    }
  }

  public boolean isResource() {
    return type == Type.RESOURCE;
  }

  public boolean isUnknown() {
    return type == Type.UNKNOWN;
  }

  /** The resource header, when it is one. */
  public Optional<SourceRange> location() {
    return resource == null ? Optional.empty() : Optional.of(resource.range());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Node n && n.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
