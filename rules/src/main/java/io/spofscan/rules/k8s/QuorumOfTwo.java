package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "SPOF-QUORUM-001",
    title = "Quorum store runs two members",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "etcd, ZooKeeper, Consul servers and Vault or OpenBao on integrated (Raft) storage need a "
        + "majority of their members to elect a leader and accept writes. With two members the majority is two: "
        + "losing either one stops the store for every client, so two members are no safer than one and fail "
        + "twice as often.",
    remediation = "Run an odd number of at least 3 members (replicas: 3, or 5 to survive two failures), spread "
        + "over nodes and zones, with a PodDisruptionBudget of maxUnavailable: 1.",
    tags = {"kubernetes", "quorum", "raft", "configuration", "secrets"},
    references = {
        "https://etcd.io/docs/v3.5/faq/#why-an-odd-number-of-cluster-members",
        "https://developer.hashicorp.com/vault/docs/internals/integrated-storage#quorum-size-and-failure-tolerance",
        "https://developer.hashicorp.com/consul/docs/architecture/consensus#deployment-table"})
public final class QuorumOfTwo implements Rule {
  /** Stores that always keep a Raft or ZAB quorum. */
  private static final Set<String> QUORUM = Set.of("etcd", "ZooKeeper", "Consul");
  /** Stores with a quorum only on their integrated Raft storage. */
  private static final Set<String> RAFT_WHEN_CONFIGURED = Set.of("Vault", "OpenBao");

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      Optional<String> what = Images.statefulService(w).filter(s -> QUORUM.contains(s)
          || RAFT_WHEN_CONFIGURED.contains(s) && K8s.mentions(K8s.podSpec(w), "raft"));
      if (what.isEmpty() || w.kindName().equals("DaemonSet")) {
        continue; // a DaemonSet of Consul is the client agents, not the servers
      }
      // An unknown count is SPOF-K8S-009's finding already (it may be one replica): not repeated here.
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() == 2) {
        report.at(w, replicas.source(), "%s runs %s with 2 members: its quorum is 2, so losing either member stops "
            + "it for every client", w.address(), what.get());
      }
    }
  }
}
