package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;

@RuleInfo(
    id = "SPOF-K8S-006",
    title = "Replicas are not spread over nodes",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "Without pod anti-affinity or a topology spread constraint on kubernetes.io/hostname the scheduler "
        + "may put every replica on the same node, and that node's failure then takes all of them down.",
    remediation = "Add a topologySpreadConstraints entry with topologyKey kubernetes.io/hostname (or a pod "
        + "anti-affinity term on that key) selecting the workload's own pods.",
    tags = {"kubernetes", "scheduling", "replicas"},
    references = {
        "https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/",
        "https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity"})
public final class NoHostSpread implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    SpreadRule.check(model, report, Spread.HOSTNAME, "node",
        "the scheduler may place them all on one node, whose failure stops every replica");
  }
}
