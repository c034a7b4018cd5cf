package io.spofscan.rules.k8s;

import io.spofscan.core.graph.Edge;
import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.graph.Graphs;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleInfo(
    id = "SPOF-SECRETS-001",
    title = "Secrets or configuration store that workloads need runs a single instance",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "Pods that read their secrets or configuration at start (the Vault agent injector, an init "
        + "container waiting for the store, an address in their environment) cannot start while the store is "
        + "down: with one instance, a restart, eviction or node failure of the store blocks every rollout, "
        + "reschedule and scale-out of all of them, and running pods lose secret renewal.",
    remediation = "Run the store highly available: Vault or OpenBao with integrated storage and 3 or 5 replicas "
        + "(the Helm chart's server.ha.enabled with raft), 3 or 5 Consul servers or etcd members, or 2 or more "
        + "replicas of a stateless configuration server; spread them over nodes and zones.",
    tags = {"kubernetes", "secrets", "configuration", "replicas"},
    references = {
        "https://developer.hashicorp.com/vault/docs/platform/k8s/helm/run#ha",
        "https://developer.hashicorp.com/vault/docs/platform/k8s/injector",
        "https://etcd.io/docs/v3.5/faq/#why-an-odd-number-of-cluster-members"})
public final class ConfigStoreSingleInstance implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    Graph graph = Graphs.of(model);
    for (Resource w : rel.workloads()) {
      Optional<String> what = Images.configStore(w);
      if (what.isEmpty() || w.is(Kinds.DAEMON_SET)) {
        continue; // a DaemonSet runs one per node (Consul client agents), not one in all
      }
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() != 1) {
        continue; // two members are SPOF-QUORUM-001's
      }
      String needs = dependents(graph, w);
      if (!replicas.known()) {
        report.unknown(w, replicas.source(), "%s runs %s and may have a single instance (its replica count depends "
            + "on %s); %s", w.address(), what.get(), Values.why(replicas.source()), needs);
      } else {
        report.at(w, replicas.source(), "%s runs %s as a single instance: while it restarts or its node fails, %s",
            w.address(), what.get(), needs);
      }
    }
    externalStores(graph, report);
  }

  /** Who needs the store: edges into its Services (and into the store itself), grouped by workload. */
  private static String dependents(Graph graph, Resource store) {
    List<Edge> edges = new ArrayList<>(graph.in(store, EdgeKind.NEEDS_AT_START));
    edges.addAll(graph.in(store, EdgeKind.USES));
    for (Edge route : graph.in(store, EdgeKind.ROUTES_TO)) {
      if (route.from().isResource() && route.from().resource().is(Kinds.SERVICE)) {
        edges.addAll(graph.in(route.from().resource(), EdgeKind.NEEDS_AT_START));
        edges.addAll(graph.in(route.from().resource(), EdgeKind.USES));
      }
    }
    Map<String, String> startup = new LinkedHashMap<>();
    Map<String, String> running = new LinkedHashMap<>();
    for (Edge e : edges) {
      if (e.from().isResource() && !e.from().resource().is(Kinds.SERVICE)) {
        (e.kind() == EdgeKind.NEEDS_AT_START ? startup : running).putIfAbsent(e.from().label(), e.via());
      }
    }
    running.keySet().removeAll(startup.keySet());
    if (startup.isEmpty() && running.isEmpty()) {
      return "nothing can read what it stores (no workload in the scan is linked to it)";
    }
    List<String> parts = new ArrayList<>();
    if (!startup.isEmpty()) {
      parts.add(list(startup) + " cannot start");
    }
    if (!running.isEmpty()) {
      parts.add(list(running) + " lose" + (running.size() == 1 ? "s" : "") + " it");
    }
    return String.join(" and ", parts);
  }

  /** A store the scan does not hold but workloads need at start: which ones, on what; its size is unknown. */
  private static void externalStores(Graph graph, Reporter report) {
    for (Node n : graph.nodes()) {
      if (!n.isUnknown() || !n.label().startsWith("Vault server ")) {
        continue;
      }
      Map<String, String> startup = new LinkedHashMap<>();
      Resource first = null;
      for (Edge e : graph.in(n)) {
        if (e.kind() == EdgeKind.NEEDS_AT_START && e.from().isResource()) {
          startup.putIfAbsent(e.from().label(), e.via());
          first = first == null ? e.from().resource() : first;
        }
      }
      if (first == null) {
        continue;
      }
      report.unknown(first, injectAnnotation(first), "%s cannot start while %s is down; it is not in the scan, so "
          + "whether it runs more than one instance is unknown", list(startup), n.label());
    }
  }

  private static Value injectAnnotation(Resource w) {
    return (w.is(Kinds.POD) ? w.attr("metadata.annotations") : w.attr("spec.template.metadata.annotations"))
        .get("vault.hashicorp.com/agent-inject");
  }

  /** "A and B (Vault agent injector), C (env VAULT_ADDR)": workloads grouped by how they reach the store. */
  private static String list(Map<String, String> byWorkload) {
    Map<String, List<String>> byVia = new LinkedHashMap<>();
    byWorkload.forEach((w, via) -> byVia.computeIfAbsent(via, k -> new ArrayList<>()).add(w));
    List<String> out = new ArrayList<>();
    byVia.forEach((via, ws) -> out.add(String.join(" and ", ws) + (via.isEmpty() ? "" : " (" + via + ")")));
    return String.join(", ", out);
  }
}
