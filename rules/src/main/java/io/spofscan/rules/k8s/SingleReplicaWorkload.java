package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;
import java.util.List;

@RuleInfo(
    id = "SPOF-K8S-001",
    title = "Workload runs a single replica",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "With one replica, a node drain, an eviction, a rollout or a crash of that pod leaves the workload "
        + "with no pod serving.",
    remediation = "Set spec.replicas to 2 or more (or let a HorizontalPodAutoscaler with minReplicas >= 2 manage "
        + "it) and spread the replicas over nodes.",
    tags = {"kubernetes", "replicas"},
    references = {
        "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/",
        "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/"})
public final class SingleReplicaWorkload implements Rule {

  /**
   * True when the workload is behind Services, and each of them certainly routes to another pod owner too. The
   * same object written in several files (alternative install manifests side by side) is not another owner.
   */
  static boolean servedWithOthers(Resource w, K8sRelations rel) {
    List<K8sRelations.Match> services = rel.servicesFor(w);
    return !services.isEmpty() && services.stream().allMatch(s -> rel.routedBy(s.resource()).stream()
        .anyMatch(o -> !o.resource().address().equals(w.address()) && o.truth() == Truth.TRUE));
  }

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      if (!rel.autoscalersFor(w).isEmpty()) {
        continue; // the HPA or KEDA sets the replica count; SPOF-K8S-002 judges its minimum
      }
      if (servedWithOthers(w, rel)) {
        continue; // every Service in front of it also routes to other workloads' pods (e.g. v1, v2, v3)
      }
      boolean redisRule = Images.isRedis(w) && !RedisSingleReplica.sentinelNearby(w, rel);
      boolean statefulRule = Images.statefulService(w).isPresent() && !Images.isRedis(w);
      if (redisRule || statefulRule || Images.clusterEntryPoint(w).isPresent() || Images.configStore(w).isPresent()) {
        continue; // reported by the more specific rule (SPOF-K8S-013, SPOF-K8S-009, SPOF-K8S-010, SPOF-SECRETS-001)
      }
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (!replicas.known()) {
        report.unknown(w, replicas.source(), "%s may run a single replica: spec.replicas depends on %s",
            w.address(), Values.why(replicas.source()));
      } else if (replicas.value() == 1) {
        report.at(w, replicas.source(), "%s runs a single replica%s: a node drain, eviction or crash of that pod "
            + "leaves it with nothing serving", w.address(),
            replicas.source().isAbsent() ? " (spec.replicas not set, default 1)" : "");
      }
    }
  }
}
