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
import io.spofscan.rules.support.Values;
import java.util.List;

@RuleInfo(
    id = "SPOF-K8S-003",
    title = "Replicated workload has no PodDisruptionBudget",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once: "
        + "the replicas protect against crashes but not against voluntary disruptions.",
    remediation = "Add a PodDisruptionBudget in the same namespace whose selector matches the pod template labels, "
        + "with maxUnavailable: 1 (or a minAvailable below the replica count).",
    tags = {"kubernetes", "disruption", "replicas"},
    references = {
        "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/",
        "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"})
public final class WorkloadWithoutPdb implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() < 2) {
        continue;
      }
      List<K8sRelations.Match> pdbs = rel.pdbsFor(w);
      if (pdbs.stream().anyMatch(m -> m.truth() == Truth.TRUE)) {
        continue;
      }
      if (!replicas.known()) {
        report.unknown(w, Value.absent(), "%s has no PodDisruptionBudget; this matters if it runs 2 or more "
            + "replicas, which depends on %s", w.address(), Values.why(replicas.source()));
      } else if (!pdbs.isEmpty()) {
        report.unknown(w, Value.absent(), "%s runs %d replicas and is protected only if %s selects its pods, "
            + "which depends on an unresolved selector", w.address(), replicas.value(),
            pdbs.get(0).resource().address());
      } else {
        report.at(w, Value.absent(), "%s runs %d replicas but no PodDisruptionBudget selects its pods: a node "
            + "drain or upgrade may evict all of them at once", w.address(), replicas.value());
      }
    }
  }
}
