package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;
import java.util.Optional;

@RuleInfo(
    id = "SPOF-K8S-010",
    title = "Ingress controller or cluster DNS runs a single replica",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "Every Ingress of the cluster goes through its ingress controller, and every service lookup through "
        + "the cluster DNS: one replica of either makes a restart or node failure an outage of everything behind "
        + "it.",
    remediation = "Run at least 2 replicas of the ingress controller (or a DaemonSet) and of CoreDNS, spread over "
        + "nodes, with a PodDisruptionBudget.",
    tags = {"kubernetes", "ingress", "dns", "replicas"},
    references = {
        "https://kubernetes.github.io/ingress-nginx/deploy/",
        "https://kubernetes.io/docs/tasks/administer-cluster/dns-horizontal-autoscaling/"})
public final class SingleReplicaEntryPoint implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    int ingresses = rel.ingresses().size();
    for (Resource w : rel.workloads()) {
      Optional<String> what = Images.clusterEntryPoint(w);
      if (what.isEmpty()) {
        continue;
      }
      String blast = what.get().contains("DNS") ? "every DNS lookup in the cluster goes through it"
          : ingresses == 0 ? "every Ingress of the cluster goes through it"
          : ingresses == 1 ? "the Ingress in the scan goes through it"
          : "all " + ingresses + " Ingresses in the scan go through it";
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (!replicas.known()) {
        report.unknown(w, replicas.source(), "%s runs %s and may have a single replica (%s): its replica count "
            + "depends on %s", w.address(), what.get(), blast, Values.why(replicas.source()));
      } else if (replicas.value() == 1) {
        report.at(w, replicas.source(), "%s runs %s as a single replica and %s: a restart or node failure is an "
            + "outage for all of them", w.address(), what.get(), blast);
      }
    }
  }
}
