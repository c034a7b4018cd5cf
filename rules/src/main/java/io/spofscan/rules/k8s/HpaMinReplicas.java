package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-K8S-002",
    title = "HorizontalPodAutoscaler may scale down to a single replica",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "An autoscaler with minReplicas below 2 scales its workload down to one pod whenever load is low, "
        + "and then a single eviction or crash takes the workload down.",
    remediation = "Set spec.minReplicas to 2 or more.",
    tags = {"kubernetes", "replicas", "autoscaling"},
    references = {"https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"})
public final class HpaMinReplicas implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.HPA) || r.is(Kinds.KEDA_SCALED_OBJECT);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    boolean keda = r.is(Kinds.KEDA_SCALED_OBJECT);
    Value min = r.attr(keda ? "spec.minReplicaCount" : "spec.minReplicas");
    String target = r.attr("spec.scaleTargetRef.kind").asString().orElse(keda ? "Deployment" : "?") + "/"
        + r.attr("spec.scaleTargetRef.name").asString().orElse("?");
    OptionalLong n = Values.longOr(min, keda ? 0 : 1);
    if (n.isEmpty()) {
      report.unknown(r, min, "%s may scale %s down to one replica: minReplicas depends on %s", r.address(), target,
          Values.why(min));
    } else if (n.getAsLong() < 2) {
      report.at(r, min, "%s lets %s scale down to %s%s: a single eviction or crash then stops it", r.address(),
          target, Values.plural(n.getAsLong(), "replica"), min.isAbsent() ? keda ? " (minReplicaCount not set, KEDA's default 0)"
          : " (minReplicas not set, default 1)" : "");
    }
  }
}
