package io.spofscan.rules.rollout;

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
import io.spofscan.rules.k8s.K8s;
import io.spofscan.rules.k8s.K8sRelations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

@RuleInfo(
    id = "SPOF-ROLLOUT-001",
    title = "Rolling update may take every pod down at once (maxUnavailable 100% or at least the replicas)",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "With maxUnavailable at 100% (or at least the replica count) a rollout stops every old pod before "
        + "any new one is ready, exactly like Recreate: a Service has nothing to route to, and for a DaemonSet a "
        + "faulty version reaches every node before any copy has proven healthy.",
    remediation = "Set maxUnavailable to a small number or percentage (e.g. 1 or 25%, with maxSurge for "
        + "Deployments) so some pods keep serving and a bad version stops after the first pods.",
    tags = {"kubernetes", "rollout"},
    references = {"https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-unavailable",
        "https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/"})
public final class RolloutAllAtOnce implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : model.all(Kinds.DAEMON_SET)) {
      Value max = w.attr("spec.updateStrategy.rollingUpdate.maxUnavailable");
      if (!w.attr("spec.updateStrategy.type").asString().map("OnDelete"::equals).orElse(false)
          && Amounts.percent(max).map(p -> p.compareTo(BigDecimal.valueOf(100)) >= 0).orElse(false)) {
        report.at(w, max, "%s updates with maxUnavailable %s: every node's pod is replaced at once, so a faulty "
            + "version reaches every node before any copy has proven healthy", w.address(), max.describe());
      }
    }
    for (Resource w : rel.workloads()) {
      boolean deployment = w.is(Kinds.DEPLOYMENT);
      if (!deployment && !w.is(Kinds.STATEFUL_SET)) {
        continue;
      }
      if (deployment && w.attr("spec.strategy.type").asString().map("Recreate"::equals).orElse(false)) {
        continue; // SPOF-K8S-012 judges Recreate
      }
      Value max = w.attr(deployment ? "spec.strategy.rollingUpdate.maxUnavailable"
          : "spec.updateStrategy.rollingUpdate.maxUnavailable");
      Truth allAtOnce = allAtOnce(max, rel.replicas(w), !rel.hpasFor(w).isEmpty());
      if (allAtOnce == Truth.FALSE) {
        continue;
      }
      List<K8sRelations.Match> services = rel.servicesFor(w);
      var certain = services.stream().filter(m -> m.truth() == Truth.TRUE).findFirst();
      if (certain.isPresent() && allAtOnce == Truth.TRUE) {
        report.at(w, max, "%s rolls out with maxUnavailable %s: every pod can be stopped before a new one is "
            + "ready, an outage for Service %s on each rollout", w.address(), max.describe(),
            K8s.name(certain.get().resource()));
      } else if (!services.isEmpty()) {
        report.unknown(w, max, "%s rolls out with maxUnavailable %s: every pod behind Service %s can be down at "
            + "once if %s", w.address(), max.describe(), K8s.name(services.get(0).resource()),
            allAtOnce == Truth.UNKNOWN ? "the autoscaler runs no more replicas than that" : "the Service's "
                + "unresolved selector matches them");
      }
    }
  }

  /** TRUE when maxUnavailable covers every replica, UNKNOWN when that depends on an autoscaler. */
  private static Truth allAtOnce(Value max, K8sRelations.Replicas replicas, boolean autoscaled) {
    Optional<BigDecimal> p = Amounts.percent(max);
    if (p.isPresent()) {
      return p.get().compareTo(BigDecimal.valueOf(100)) >= 0 ? Truth.TRUE : Truth.FALSE;
    }
    Optional<BigDecimal> n = Amounts.number(max);
    if (n.isEmpty() || !replicas.known() || replicas.value() < 2) {
      return Truth.FALSE; // a single replica is SPOF-K8S-001's finding
    }
    if (n.get().compareTo(BigDecimal.valueOf(replicas.value())) < 0) {
      return Truth.FALSE;
    }
    return autoscaled ? Truth.UNKNOWN : Truth.TRUE;
  }
}
