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
import java.util.List;

@RuleInfo(
    id = "SPOF-K8S-012",
    title = "Deployment behind a Service uses the Recreate strategy",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "strategy Recreate stops every old pod before starting new ones, so each rollout is an outage for "
        + "the Service that routes to them, however many replicas run.",
    remediation = "Use strategy RollingUpdate (the default) with maxUnavailable: 0 and maxSurge: 1, unless the pods "
        + "truly cannot run side by side.",
    tags = {"kubernetes", "rollout"},
    references = {"https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy"})
public final class RecreateBehindService implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      if (!w.is(Kinds.DEPLOYMENT)) {
        continue;
      }
      Value type = w.attr("spec.strategy.type");
      if (!type.asString().map("Recreate"::equals).orElse(false)) {
        continue;
      }
      List<K8sRelations.Match> services = rel.servicesFor(w);
      var certain = services.stream().filter(m -> m.truth() == Truth.TRUE).findFirst();
      if (certain.isPresent()) {
        report.at(w, type, "%s uses strategy Recreate although Service %s routes to its pods: every rollout "
            + "stops all pods before new ones start, an outage for that Service", w.address(),
            K8s.name(certain.get().resource()));
      } else if (!services.isEmpty()) {
        report.unknown(w, type, "%s uses strategy Recreate; every rollout is an outage if Service %s routes to its "
            + "pods, which depends on an unresolved selector", w.address(), K8s.name(services.get(0).resource()));
      }
    }
  }
}
