package io.spofscan.rules.k8s;

import io.spofscan.core.graph.Edge;
import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.graph.Graphs;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How Kubernetes objects of one scan relate, asked of the scan's dependency graph ({@link Graphs}), which is built
 * once per model: HPA {@code scaleTargetRef} to its workload (SCALES), PodDisruptionBudget to the pods it selects
 * (PROTECTS), Service to the pods it selects and Ingress to Service (ROUTES_TO), all within one application unit.
 * Besides the edges it keeps one index, pod owners by namespace, built on first use.
 */
public final class K8sRelations {

  /** An object another one relates to, and whether the relation certainly holds. */
  public record Match(Resource resource, Truth truth) {}

  /**
   * A workload's replica count as the cluster runs it.
   *
   * @param count the number, empty when unknown
   * @param source the value it comes from (spec.replicas or the HPA's minReplicas), for locations and reasons
   * @param hpa the HPA that sets it, or null
   */
  public record Replicas(OptionalLong count, Value source, Resource hpa) {
    public boolean known() {
      return count.isPresent();
    }

    public long value() {
      return count.orElse(0);
    }
  }

  private final Model model;
  private final Graph graph;

  private K8sRelations(Model model) {
    this.model = model;
    this.graph = Graphs.of(model);
  }

  public static K8sRelations of(Model model) {
    return new K8sRelations(model);
  }

  /**
   * Deployments, StatefulSets and ReplicaSets not owned by another controller, in source order. Placeholder
   * workloads that only run the {@code pause} image (cluster headroom, autoscaler demos) serve nothing and are
   * left out.
   */
  public List<Resource> workloads() {
    List<Resource> out = new ArrayList<>();
    for (Resource r : model.all(Kinds.REPLICATED_WORKLOAD)) {
      if (!K8s.isOwned(r) && !Images.onlyPause(r)) {
        out.add(r);
      }
    }
    out.sort((a, b) -> a.range().compareTo(b.range()));
    return out;
  }

  public List<Resource> ingresses() {
    return model.all(Kinds.INGRESS);
  }

  /** Pod owners (workloads, DaemonSets, bare Pods) of the object's namespace and application unit, itself included. */
  public List<Resource> relatedPodOwners(Resource r) {
    return podOwnersByNamespace().getOrDefault(K8s.namespace(r), List.of()).stream()
        .filter(o -> graph.scope().related(r, o)).toList();
  }

  /** Built on first use: a rule asks for each workload's neighbours, which would otherwise be quadratic. */
  private Map<String, List<Resource>> podOwnersByNamespace;

  private Map<String, List<Resource>> podOwnersByNamespace() {
    if (podOwnersByNamespace == null) {
      podOwnersByNamespace = new HashMap<>();
      for (Resource o : model.all(Kinds.POD_OWNER)) {
        if (!K8s.isOwned(o)) {
          podOwnersByNamespace.computeIfAbsent(K8s.namespace(o), k -> new ArrayList<>()).add(o);
        }
      }
    }
    return podOwnersByNamespace;
  }

  /** HPAs and KEDA ScaledObjects that set the workload's replica count. */
  public List<Resource> autoscalersFor(Resource workload) {
    return sources(graph.in(workload, EdgeKind.SCALES)).stream().filter(r -> r.is(Kinds.AUTOSCALER)).toList();
  }

  /** Pod owners a Service routes to, with how sure the selector match is. */
  public List<Match> routedBy(Resource service) {
    return graph.out(service, EdgeKind.ROUTES_TO).stream().filter(e -> e.to().isResource())
        .map(e -> new Match(e.to().resource(), e.truth())).toList();
  }

  public List<Resource> hpasFor(Resource workload) {
    return sources(graph.in(workload, EdgeKind.SCALES)).stream().filter(r -> r.is(Kinds.HPA)).toList();
  }

  /** Replicas of a workload: the HPA's minReplicas when an HPA targets it (absent = 1), else spec.replicas. */
  public Replicas replicas(Resource workload) {
    List<Resource> hpas = hpasFor(workload);
    if (!hpas.isEmpty()) {
      Resource hpa = hpas.get(0);
      Value min = hpa.attr("spec.minReplicas");
      return new Replicas(Values.longOr(min, 1), min, hpa);
    }
    for (Resource keda : autoscalersFor(workload)) {
      // KEDA's minReplicaCount counts like minReplicas (default 0: scaled to zero when idle, one pod under light load)
      Value min = keda.attr("spec.minReplicaCount");
      OptionalLong n = Values.longOr(min, 0);
      return new Replicas(n.isPresent() ? OptionalLong.of(Math.max(1, n.getAsLong())) : n, min, keda);
    }
    Value replicas = workload.attr("spec.replicas");
    return new Replicas(Values.longOr(replicas, 1), replicas, null);
  }

  /** PodDisruptionBudgets whose selector may select the workload's pods. */
  public List<Match> pdbsFor(Resource workload) {
    return graph.in(workload, EdgeKind.PROTECTS).stream()
        .map(e -> new Match(e.from().resource(), e.truth())).toList();
  }

  /** Pod owners whose pods the PDB may select. */
  public List<Match> selectedBy(Resource pdb) {
    return graph.out(pdb, EdgeKind.PROTECTS).stream().map(e -> new Match(e.to().resource(), e.truth())).toList();
  }

  /** Services (with a selector) that may route to the workload's pods. */
  public List<Match> servicesFor(Resource workload) {
    return graph.in(workload, EdgeKind.ROUTES_TO).stream().filter(e -> e.from().resource().is(Kinds.SERVICE))
        .map(e -> new Match(e.from().resource(), e.truth())).toList();
  }

  /** Services an Ingress sends traffic to (default backend and every rule path) that the scan has. */
  public List<Resource> servicesOf(Resource ingress) {
    return graph.out(ingress, EdgeKind.ROUTES_TO).stream().filter(e -> e.to().isResource())
        .map(e -> e.to().resource()).distinct().toList();
  }

  private static List<Resource> sources(List<Edge> edges) {
    return edges.stream().map(e -> e.from().resource()).toList();
  }
}
