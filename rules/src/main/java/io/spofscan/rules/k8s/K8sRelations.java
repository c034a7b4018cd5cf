package io.spofscan.rules.k8s;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How Kubernetes objects of one scan relate, by the cluster's own rules: selectors against pod template labels in
 * the same namespace, HPA {@code scaleTargetRef} to its workload (kind + name + namespace), Ingress to Service to
 * workload. Built once per model with indexes, so a rule never compares every object with every other.
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

  private final List<Resource> workloads = new ArrayList<>();
  private final Map<String, List<Resource>> podOwnersByNamespace = new HashMap<>();
  private final Map<String, List<Resource>> hpasByTarget = new HashMap<>();
  private final Map<String, List<Resource>> pdbsByNamespace = new HashMap<>();
  private final Map<String, List<Resource>> servicesByNamespace = new HashMap<>();
  private final Map<String, Resource> servicesByName = new HashMap<>();
  private final List<Resource> ingresses = new ArrayList<>();

  private K8sRelations(Model model) {
    for (Resource r : model.all(Kinds.POD_OWNER)) {
      if (K8s.isOwned(r)) {
        continue;
      }
      podOwnersByNamespace.computeIfAbsent(K8s.namespace(r), k -> new ArrayList<>()).add(r);
      if (r.is(Kinds.REPLICATED_WORKLOAD)) {
        workloads.add(r);
      }
    }
    for (Resource hpa : model.all(Kinds.HPA)) {
      Value ref = hpa.attr("spec.scaleTargetRef");
      String key = ref.get("kind").asString().orElse("?") + "/" + K8s.namespace(hpa) + "/"
          + ref.get("name").asString().orElse("?");
      hpasByTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(hpa);
    }
    for (Resource pdb : model.all(Kinds.PDB)) {
      pdbsByNamespace.computeIfAbsent(K8s.namespace(pdb), k -> new ArrayList<>()).add(pdb);
    }
    for (Resource svc : model.all(Kinds.SERVICE)) {
      servicesByNamespace.computeIfAbsent(K8s.namespace(svc), k -> new ArrayList<>()).add(svc);
      servicesByName.put(K8s.namespace(svc) + "/" + K8s.name(svc), svc);
    }
    ingresses.addAll(model.all(Kinds.INGRESS));
    workloads.sort((a, b) -> a.range().compareTo(b.range()));
  }

  public static K8sRelations of(Model model) {
    return new K8sRelations(model);
  }

  /** Deployments, StatefulSets and ReplicaSets not owned by another controller, in source order. */
  public List<Resource> workloads() {
    return workloads;
  }

  public List<Resource> ingresses() {
    return ingresses;
  }

  /** Pod owners (workloads, DaemonSets, bare Pods) of a namespace. */
  public List<Resource> podOwners(String namespace) {
    return podOwnersByNamespace.getOrDefault(namespace, List.of());
  }

  public List<Resource> hpasFor(Resource workload) {
    return hpasByTarget.getOrDefault(workload.kindName() + "/" + K8s.namespace(workload) + "/" + K8s.name(workload),
        List.of());
  }

  /** Replicas of a workload: the HPA's minReplicas when an HPA targets it (absent = 1), else spec.replicas. */
  public Replicas replicas(Resource workload) {
    List<Resource> hpas = hpasFor(workload);
    if (!hpas.isEmpty()) {
      Resource hpa = hpas.get(0);
      Value min = hpa.attr("spec.minReplicas");
      return new Replicas(Values.longOr(min, 1), min, hpa);
    }
    Value replicas = workload.attr("spec.replicas");
    return new Replicas(Values.longOr(replicas, 1), replicas, null);
  }

  /** PodDisruptionBudgets whose selector may select the workload's pods. */
  public List<Match> pdbsFor(Resource workload) {
    List<Match> out = new ArrayList<>();
    for (Resource pdb : pdbsByNamespace.getOrDefault(K8s.namespace(workload), List.of())) {
      Truth t = Selectors.labelSelector(pdb.attr("spec.selector"), K8s.podLabels(workload));
      if (t != Truth.FALSE) {
        out.add(new Match(pdb, t));
      }
    }
    return out;
  }

  /** Pod owners of the PDB's namespace whose pods it may select. */
  public List<Match> selectedBy(Resource pdb) {
    List<Match> out = new ArrayList<>();
    for (Resource w : podOwners(K8s.namespace(pdb))) {
      Truth t = Selectors.labelSelector(pdb.attr("spec.selector"), K8s.podLabels(w));
      if (t != Truth.FALSE) {
        out.add(new Match(w, t));
      }
    }
    return out;
  }

  /** Services (with a selector) that may route to the workload's pods. */
  public List<Match> servicesFor(Resource workload) {
    List<Match> out = new ArrayList<>();
    for (Resource svc : servicesByNamespace.getOrDefault(K8s.namespace(workload), List.of())) {
      Value selector = svc.attr("spec.selector");
      if (selector.isAbsent()) {
        continue; // a Service without selector routes to manually managed endpoints
      }
      Truth t = Selectors.plainSelector(selector, K8s.podLabels(workload), false);
      if (t != Truth.FALSE) {
        out.add(new Match(svc, t));
      }
    }
    return out;
  }

  /** Service names an Ingress sends traffic to (default backend and every rule path), in its namespace. */
  public List<Resource> servicesOf(Resource ingress) {
    List<Resource> out = new ArrayList<>();
    List<Value> backends = new ArrayList<>();
    backends.add(ingress.attr("spec.defaultBackend"));
    backends.add(ingress.attr("spec.backend"));
    for (Value rule : ingress.attr("spec.rules").items()) {
      for (Value path : rule.path("http.paths").items()) {
        backends.add(path.get("backend"));
      }
    }
    for (Value b : backends) {
      Value name = b.path("service.name");
      if (name.isAbsent()) {
        name = b.get("serviceName");
      }
      name.asString().map(n -> servicesByName.get(K8s.namespace(ingress) + "/" + n)).ifPresent(s -> {
        if (!out.contains(s)) {
          out.add(s);
        }
      });
    }
    return out;
  }
}
