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
import io.spofscan.rules.support.Values;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-K8S-004",
    title = "PodDisruptionBudget allows no voluntary disruption",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "A budget of maxUnavailable 0, or a minAvailable as large as the number of pods, never lets one "
        + "pod be evicted: node drains hang, cluster upgrades stall, and the nodes under these pods cannot be "
        + "replaced, so they become pets that fail together.",
    remediation = "Allow at least one pod to be evicted: maxUnavailable: 1, or a minAvailable below the replica "
        + "count (and run at least 2 replicas).",
    tags = {"kubernetes", "disruption"},
    references = {
        "https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions",
        "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/"})
public final class PdbBlocksDisruption implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource pdb : model.all(Kinds.PDB)) {
      Value maxUnavailable = pdb.attr("spec.maxUnavailable");
      Value minAvailable = pdb.attr("spec.minAvailable");
      if (maxUnavailable.isUnknown() || minAvailable.isUnknown()) {
        Value v = maxUnavailable.isUnknown() ? maxUnavailable : minAvailable;
        report.unknown(pdb, v, "%s may allow no eviction: its budget depends on %s", pdb.address(), Values.why(v));
        continue;
      }
      Optional<String> max = maxUnavailable.asString().map(String::strip);
      if (max.isPresent()) {
        if (max.get().equals("0") || max.get().equals("0%")) {
          report.at(pdb, maxUnavailable, "%s sets maxUnavailable %s: no pod it selects can ever be evicted, so "
              + "node drains and upgrades block", pdb.address(), max.get());
        }
        continue;
      }
      Optional<String> min = minAvailable.asString().map(String::strip);
      if (min.isEmpty()) {
        continue;
      }
      if (min.get().equals("100%")) {
        report.at(pdb, minAvailable, "%s requires 100%% of its pods available: none can ever be evicted, so node "
            + "drains and upgrades block", pdb.address());
        continue;
      }
      OptionalLong required = minAvailable.asLong();
      if (required.isEmpty()) {
        continue; // a percentage below 100% allows some eviction
      }
      List<K8sRelations.Match> selected = rel.selectedBy(pdb);
      if (selected.isEmpty()) {
        continue; // SPOF-K8S-005 reports a budget that selects nothing
      }
      long pods = 0;
      String unknownReason = null;
      for (K8sRelations.Match m : selected) {
        if (m.truth() != Truth.TRUE) {
          unknownReason = "whether it selects " + m.resource().address();
          continue;
        }
        if (m.resource().is(Kinds.DAEMON_SET)) {
          unknownReason = "the number of nodes running " + m.resource().address();
          continue;
        }
        K8sRelations.Replicas r = m.resource().is(Kinds.POD)
            ? new K8sRelations.Replicas(OptionalLong.of(1), Value.absent(), null) : rel.replicas(m.resource());
        if (!r.known()) {
          unknownReason = Values.why(r.source());
          continue;
        }
        pods += r.value();
      }
      if (required.getAsLong() < pods) {
        continue;
      }
      if (unknownReason != null) {
        report.unknown(pdb, minAvailable, "%s requires %d available pods of the %d it certainly selects: "
            + "whether any can be evicted depends on %s", pdb.address(), required.getAsLong(), pods, unknownReason);
      } else {
        report.at(pdb, minAvailable, "%s requires %d available pods but selects only %d: none can ever be "
            + "evicted, so node drains and upgrades block", pdb.address(), required.getAsLong(), pods);
      }
    }
  }
}
