package io.spofscan.rules.k8s;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.Kinds;
import java.util.ArrayList;
import java.util.List;

/** Where things live in a Kubernetes object, whatever its kind. */
public final class K8s {
  private K8s() {}

  public static String name(Resource r) {
    return r.attr("metadata.name").asString().orElse(lastSegment(r.address()));
  }

  /** The object's namespace as the parser resolved it into the address ({@code Kind/namespace/name}). */
  public static String namespace(Resource r) {
    String[] parts = r.address().split("/", -1);
    if (parts.length >= 3) {
      return parts[1];
    }
    return r.attr("metadata.namespace").asString().orElse("default");
  }

  private static String lastSegment(String address) {
    return address.substring(address.lastIndexOf('/') + 1);
  }

  /** The pod spec: {@code spec} of a Pod, {@code spec.template.spec} of a controller. */
  public static Value podSpec(Resource r) {
    return r.is(Kinds.POD) ? r.attr("spec") : r.attr("spec.template.spec");
  }

  /** The labels its pods carry. */
  public static Value podLabels(Resource r) {
    return r.is(Kinds.POD) ? r.attr("metadata.labels") : r.attr("spec.template.metadata.labels");
  }

  /** Containers and init containers of its pods. */
  public static List<Value> containers(Resource r) {
    Value spec = podSpec(r);
    List<Value> out = new ArrayList<>(spec.get("containers").items());
    out.addAll(spec.get("initContainers").items());
    return out;
  }

  /** A ReplicaSet created by a Deployment (or anything with an owner) is judged through its owner. */
  public static boolean isOwned(Resource r) {
    return !r.attr("metadata.ownerReferences").items().isEmpty();
  }

  /** Whether any scalar below {@code v} contains {@code needle} (lower-case). */
  public static boolean mentions(Value v, String needle) {
    List<Value> stack = new ArrayList<>();
    stack.add(v);
    while (!stack.isEmpty()) {
      Value cur = stack.remove(stack.size() - 1);
      if (cur instanceof Value.MapValue m) {
        for (var e : m.entries().entrySet()) {
          if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains(needle)) {
            return true;
          }
          stack.add(e.getValue());
        }
      } else if (cur instanceof Value.ListValue l) {
        stack.addAll(l.items());
      } else if (cur.asString().map(s -> s.toLowerCase(java.util.Locale.ROOT).contains(needle)).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
