package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleInfo(
    id = "SPOF-K8S-012",
    title = "Deployment behind a Service uses the Recreate strategy",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "strategy Recreate stops every old pod before starting new ones, so each rollout is an outage for "
        + "the Service that routes to them, however many replicas run. When the pods share a ReadWriteOnce volume, "
        + "Recreate is what that volume requires, and the single-writer volume is the real single point of failure.",
    remediation = "Use strategy RollingUpdate (the default) with maxUnavailable: 0 and maxSurge: 1. If the pods "
        + "mount a ReadWriteOnce claim, RollingUpdate would hang on it: first remove the single-writer volume (a "
        + "StatefulSet with a volume per replica and replication in the application, ReadWriteMany storage, or a "
        + "managed service for the state), then switch to RollingUpdate.",
    tags = {"kubernetes", "rollout", "storage"},
    references = {"https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy",
        "https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes"})
public final class RecreateBehindService implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    Map<String, Resource> claims = new HashMap<>();
    for (Resource pvc : model.all(Kinds.PVC)) {
      claims.putIfAbsent(K8s.namespace(pvc) + "/" + K8s.name(pvc), pvc);
    }
    for (Resource w : rel.workloads()) {
      if (!w.is(Kinds.DEPLOYMENT)) {
        continue;
      }
      Value type = w.attr("spec.strategy.type");
      if (!type.asString().map("Recreate"::equals).orElse(false)) {
        continue;
      }
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() < 2) {
        continue; // a single replica is down in every rollout anyway: the single-replica rules say so
      }
      List<K8sRelations.Match> services = rel.servicesFor(w);
      var certain = services.stream().filter(m -> m.truth() == Truth.TRUE).findFirst();
      Optional<String> volume = singleWriterVolume(w, claims);
      if (certain.isPresent() && volume.isPresent()) {
        report.at(w, type, "%s must use strategy Recreate because its pods mount %s, which one node at a time can "
            + "attach: every replica runs on that node, and every rollout or failure of it stops Service %s. The "
            + "single-writer volume is the single point of failure; RollingUpdate alone would hang the rollout",
            w.address(), volume.get(), K8s.name(certain.get().resource()));
      } else if (certain.isPresent()) {
        report.at(w, type, "%s uses strategy Recreate although Service %s routes to its pods: every rollout "
            + "stops all pods before new ones start, an outage for that Service%s", w.address(),
            K8s.name(certain.get().resource()), unseenClaims(w, claims));
      } else if (!services.isEmpty()) {
        report.unknown(w, type, "%s uses strategy Recreate; every rollout is an outage if Service %s routes to its "
            + "pods, which depends on an unresolved selector", w.address(), K8s.name(services.get(0).resource()));
      }
    }
  }

  /** A mounted claim of the scan that only one node can attach (ReadWriteOnce or ReadWriteOncePod). */
  private static Optional<String> singleWriterVolume(Resource w, Map<String, Resource> claims) {
    for (Value volume : K8s.podSpec(w).get("volumes").items()) {
      Optional<String> name = volume.path("persistentVolumeClaim.claimName").asString();
      Resource pvc = name.map(n -> claims.get(K8s.namespace(w) + "/" + n)).orElse(null);
      if (pvc == null) {
        continue;
      }
      for (Value mode : pvc.attr("spec.accessModes").items()) {
        Optional<String> m = mode.asString();
        if (m.isPresent() && (m.get().equals("ReadWriteOnce") || m.get().equals("ReadWriteOncePod"))) {
          return Optional.of(m.get() + " claim " + name.get());
        }
      }
    }
    return Optional.empty();
  }

  /** Claims the pods mount that the scan does not define: their access mode decides whether Recreate is needed. */
  private static String unseenClaims(Resource w, Map<String, Resource> claims) {
    List<String> unseen = K8s.podSpec(w).get("volumes").items().stream()
        .map(v -> v.path("persistentVolumeClaim.claimName").asString())
        .flatMap(Optional::stream)
        .filter(n -> !claims.containsKey(K8s.namespace(w) + "/" + n))
        .toList();
    return unseen.isEmpty() ? "" : " (if claim " + String.join(", ", unseen) + " is ReadWriteOnce, Recreate is "
        + "required and that volume is the single point of failure)";
  }
}
