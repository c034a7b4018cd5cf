package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;

@RuleInfo(
    id = "SPOF-K8S-007",
    title = "Replicas are not spread over zones",
    severity = Severity.LOW,
    formats = {Format.KUBERNETES},
    rationale = "Without a topology spread constraint or anti-affinity on topology.kubernetes.io/zone every replica "
        + "may run in one zone, and a zone outage then takes all of them down.",
    remediation = "Add a topologySpreadConstraints entry with topologyKey topology.kubernetes.io/zone selecting the "
        + "workload's own pods.",
    tags = {"kubernetes", "scheduling", "availability-zone"},
    references = {"https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/",
        "https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesiozone"})
public final class NoZoneSpread implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    SpreadRule.check(model, report, Spread.ZONE, "zone",
        "they may all run in one zone, whose outage stops every replica");
  }
}
