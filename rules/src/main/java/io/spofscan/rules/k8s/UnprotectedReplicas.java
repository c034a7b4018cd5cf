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
import java.util.ArrayList;
import java.util.List;

/**
 * One finding per replicated workload for one failure mode: every replica can go down together. The three
 * protections against it (a PodDisruptionBudget against drains, spread over nodes against a node failure, spread
 * over zones against a zone outage) are listed in that one finding, so a workload missing all three is one finding,
 * not three (former SPOF-K8S-006 and SPOF-K8S-007 are aliases of this rule).
 */
@RuleInfo(
    id = "SPOF-K8S-003",
    title = "Replicated workload is not protected against losing all replicas at once",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "Replicas protect against a crash of one pod, not against events that take them all: a node drain "
        + "or cluster upgrade evicts every replica at once unless a PodDisruptionBudget stops it, and the scheduler "
        + "may put every replica on one node or in one zone unless anti-affinity or topology spread keeps them apart, "
        + "so one node failure or zone outage stops them all.",
    remediation = "Add what the finding lists as missing: a PodDisruptionBudget selecting the pods (maxUnavailable: "
        + "1), and topologySpreadConstraints (or pod anti-affinity) on kubernetes.io/hostname and "
        + "topology.kubernetes.io/zone selecting the workload's own pods.",
    tags = {"kubernetes", "disruption", "scheduling", "availability-zone", "replicas"},
    references = {
        "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/",
        "https://kubernetes.io/docs/tasks/run-application/configure-pdb/",
        "https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/"},
    aliases = {"SPOF-K8S-006", "SPOF-K8S-007"})
public final class UnprotectedReplicas implements Rule {

  /** One protection: whether the workload has it, what it is called, and what its absence lets happen. */
  private record Protection(Truth present, String missing, String consequence, String unresolved) {}

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() < 2) {
        continue; // one replica is the single-replica rules' finding; there is nothing to keep apart
      }
      List<Protection> protections = protections(w, rel);
      List<Protection> missing = protections.stream().filter(p -> p.present() == Truth.FALSE).toList();
      List<Protection> unresolved = protections.stream().filter(p -> p.present() == Truth.UNKNOWN).toList();
      if (missing.isEmpty() && unresolved.isEmpty()) {
        continue;
      }
      if (!replicas.known()) {
        List<Protection> all = new ArrayList<>(missing);
        all.addAll(unresolved);
        report.unknown(w, Value.absent(), "%s has %s; this matters if it runs 2 or more replicas, which depends "
            + "on %s", w.address(), names(all, Protection::missing), Values.why(replicas.source()));
      } else if (!missing.isEmpty()) {
        report.at(w, Value.absent(), "%s runs %d replicas with %s: %s%s", w.address(), replicas.value(),
            names(missing, Protection::missing), names(missing, Protection::consequence),
            unresolved.isEmpty() ? "" : " (and " + names(unresolved, Protection::unresolved) + ")");
      } else {
        report.unknown(w, Value.absent(), "%s runs %d replicas and is protected only if %s", w.address(),
            replicas.value(), names(unresolved, Protection::unresolved));
      }
    }
  }

  private static List<Protection> protections(Resource w, K8sRelations rel) {
    List<K8sRelations.Match> pdbs = rel.pdbsFor(w);
    Truth pdb = pdbs.stream().map(K8sRelations.Match::truth).reduce(Truth.FALSE, Truth::or);
    String pdbUnresolved = pdbs.isEmpty() ? "" : pdbs.get(0).resource().address()
        + " selects its pods, which depends on an unresolved selector";
    return List.of(
        new Protection(pdb, "no PodDisruptionBudget", "a node drain or upgrade may evict all of them at once",
            pdbUnresolved),
        new Protection(Spread.spreadsOver(w, Spread.HOSTNAME), "no spread over nodes",
            "the scheduler may place them all on one node, whose failure stops every replica",
            "an unresolved topology key spreads them over nodes"),
        new Protection(Spread.spreadsOver(w, Spread.ZONE), "no spread over zones",
            "they may all run in one zone, whose outage stops every replica",
            "an unresolved topology key spreads them over zones"));
  }

  private static String names(List<Protection> ps, java.util.function.Function<Protection, String> part) {
    List<String> parts = ps.stream().map(part).toList();
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
