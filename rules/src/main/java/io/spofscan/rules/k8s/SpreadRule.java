package io.spofscan.rules.k8s;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.rules.support.Values;
import java.util.Set;

/** Shared check of the host and zone spreading rules: replicated workloads whose pods may all land together. */
final class SpreadRule {
  private SpreadRule() {}

  static void check(Model model, Reporter report, Set<String> keys, String domain, String consequence) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() < 2) {
        continue;
      }
      Truth spread = Spread.spreadsOver(w, keys);
      if (spread == Truth.TRUE) {
        continue;
      }
      if (!replicas.known()) {
        report.unknown(w, Value.absent(), "%s has no pod anti-affinity or topology spread over %ss; this matters "
            + "if it runs 2 or more replicas, which depends on %s", w.address(), domain, Values.why(replicas.source()));
      } else if (spread == Truth.UNKNOWN) {
        report.unknown(w, Value.absent(), "%s runs %d replicas and spreads them over %ss only if an unresolved "
            + "topology key says so", w.address(), replicas.value(), domain);
      } else {
        report.at(w, Value.absent(), "%s runs %d replicas with no pod anti-affinity or topology spread over %ss: "
            + "%s", w.address(), replicas.value(), domain, consequence);
      }
    }
  }
}
