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
    id = "SPOF-K8S-009",
    title = "Stateful service runs a single replica",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "A database, broker, coordination or secrets service with one replica is what every client "
        + "depends on: a restart, eviction or node failure stops all of them, and only a backup restores its data "
        + "if the volume is lost.",
    remediation = "Run the service in its clustered or replicated mode (for example through its operator or Helm "
        + "chart with replication enabled) with at least 3 members for quorum-based systems, or use a managed "
        + "service.",
    tags = {"kubernetes", "database", "stateful", "replicas"},
    references = {
        "https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/",
        "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/"})
public final class StatefulSingleReplica implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      Optional<String> what = Images.statefulService(w);
      if (what.isEmpty() || Images.isRedis(w) || Images.configStore(w).isPresent()) {
        continue; // Redis and Valkey are SPOF-K8S-013's, secrets and configuration stores SPOF-SECRETS-001's
      }
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (!replicas.known()) {
        report.unknown(w, replicas.source(), "%s runs %s and may have a single replica: its replica count "
            + "depends on %s", w.address(), what.get(), Values.why(replicas.source()));
      } else if (replicas.value() == 1) {
        report.at(w, replicas.source(), "%s runs %s as a single replica: a restart, eviction or node failure "
            + "stops it for every client", w.address(), what.get());
      }
    }
  }
}
