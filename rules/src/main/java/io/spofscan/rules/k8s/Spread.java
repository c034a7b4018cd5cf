package io.spofscan.rules.k8s;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import java.util.Set;

/** Whether a workload's pods are kept apart over a topology key by anti-affinity or topology spread constraints. */
final class Spread {
  private Spread() {}

  static final Set<String> HOSTNAME = Set.of("kubernetes.io/hostname");
  static final Set<String> ZONE = Set.of("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");

  /** TRUE when some anti-affinity term or spread constraint uses one of {@code keys}; UNKNOWN when one is unresolved. */
  static Truth spreadsOver(Resource w, Set<String> keys) {
    Value spec = K8s.podSpec(w);
    Truth result = Truth.FALSE;
    Value anti = spec.path("affinity.podAntiAffinity");
    for (Value term : anti.get("requiredDuringSchedulingIgnoredDuringExecution").items()) {
      result = result.or(keyIn(term.get("topologyKey"), keys));
    }
    for (Value weighted : anti.get("preferredDuringSchedulingIgnoredDuringExecution").items()) {
      result = result.or(keyIn(weighted.path("podAffinityTerm.topologyKey"), keys));
    }
    for (Value constraint : spec.get("topologySpreadConstraints").items()) {
      result = result.or(keyIn(constraint.get("topologyKey"), keys));
    }
    if (anti.isUnknown() || spec.get("topologySpreadConstraints").isUnknown()) {
      result = result.or(Truth.UNKNOWN);
    }
    return result;
  }

  private static Truth keyIn(Value key, Set<String> keys) {
    if (key.isUnknown()) {
      return Truth.UNKNOWN;
    }
    return Truth.of(key.asString().map(keys::contains).orElse(false));
  }
}
