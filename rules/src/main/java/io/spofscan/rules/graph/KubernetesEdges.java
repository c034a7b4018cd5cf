package io.spofscan.rules.graph;

import io.spofscan.core.graph.AppScope;
import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.EdgeSource;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.k8s.K8s;
import io.spofscan.rules.k8s.Selectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes edges, by the cluster's own rules and only within one application unit ({@link AppScope}): an
 * autoscaler SCALES the workload its {@code scaleTargetRef} names, a PodDisruptionBudget PROTECTS the pod owners
 * its selector may select, a Service ROUTES_TO the pod owners its selector may select, an Ingress ROUTES_TO the
 * Services of its backends. Objects are indexed by namespace and by kind/namespace/name, so no object is compared
 * with every other of the scan.
 */
final class KubernetesEdges implements EdgeSource {

  @Override
  public void addEdges(Model model, Graph.Builder graph) {
    AppScope scope = graph.scope();
    Map<String, List<Resource>> podOwnersByNamespace = new HashMap<>();
    Map<String, List<Resource>> byKindNamespaceName = new HashMap<>();
    for (Resource r : model.all(Kinds.POD_OWNER)) {
      if (K8s.isOwned(r)) {
        continue; // a ReplicaSet of a Deployment is judged through its owner
      }
      podOwnersByNamespace.computeIfAbsent(K8s.namespace(r), k -> new ArrayList<>()).add(r);
      byKindNamespaceName.computeIfAbsent(key(r.kindName(), K8s.namespace(r), K8s.name(r)), k -> new ArrayList<>())
          .add(r);
    }
    for (Resource hpa : model.all(Kinds.AUTOSCALER)) {
      Value ref = hpa.attr("spec.scaleTargetRef");
      String kind = ref.get("kind").asString().orElse(hpa.is(Kinds.HPA) ? "?" : "Deployment");
      String name = ref.get("name").asString().orElse("?");
      for (Resource target : byKindNamespaceName.getOrDefault(key(kind, K8s.namespace(hpa), name), List.of())) {
        if (scope.related(hpa, target)) {
          graph.edge(EdgeKind.SCALES, hpa, target, ref.location().orElse(hpa.range()), Truth.TRUE,
              "spec.scaleTargetRef");
        }
      }
    }
    LabelIndex labels = new LabelIndex(podOwnersByNamespace);
    for (Resource pdb : model.all(Kinds.PDB)) {
      Value selector = pdb.attr("spec.selector");
      for (Resource w : labels.candidates(K8s.namespace(pdb), selector.get("matchLabels"))) {
        if (scope.related(pdb, w)) {
          graph.edge(EdgeKind.PROTECTS, pdb, w, selector.location().orElse(pdb.range()),
              Selectors.labelSelector(selector, K8s.podLabels(w)), "spec.selector");
        }
      }
    }
    Map<String, List<Resource>> servicesByName = new HashMap<>();
    for (Resource svc : model.all(Kinds.SERVICE)) {
      servicesByName.computeIfAbsent(K8s.namespace(svc) + "/" + K8s.name(svc), k -> new ArrayList<>()).add(svc);
      Value selector = svc.attr("spec.selector");
      if (selector.isAbsent()) {
        continue; // a Service without selector routes to manually managed endpoints
      }
      for (Resource w : labels.candidates(K8s.namespace(svc), selector)) {
        if (scope.related(svc, w)) {
          graph.edge(EdgeKind.ROUTES_TO, svc, w, selector.location().orElse(svc.range()),
              Selectors.plainSelector(selector, K8s.podLabels(w), false), "spec.selector");
        }
      }
    }
    for (Resource ingress : model.all(Kinds.INGRESS)) {
      for (Value backend : ingressBackends(ingress)) {
        Value name = backend.path("service.name");
        if (name.isAbsent()) {
          name = backend.get("serviceName");
        }
        if (name.isAbsent()) {
          continue; // a resource backend, not a Service
        }
        var at = name.location().orElse(ingress.range());
        if (name.asString().isEmpty()) {
          graph.edge(EdgeKind.ROUTES_TO, graph.node(ingress), graph.unknown("Service " + name.describe() + " of "
              + ingress.address(), "the backend's service name is " + name.describe()), at, Truth.UNKNOWN,
              "backend service");
          continue;
        }
        String wanted = K8s.namespace(ingress) + "/" + name.asString().get();
        List<Resource> related = servicesByName.getOrDefault(wanted, List.of()).stream()
            .filter(s -> scope.related(ingress, s)).toList();
        if (related.isEmpty()) {
          graph.edge(EdgeKind.ROUTES_TO, graph.node(ingress), graph.unknown("Service/" + wanted,
              "no Service " + wanted + " in the scanned application"), at, Truth.UNKNOWN, "backend service");
        }
        for (Resource svc : related) {
          graph.edge(EdgeKind.ROUTES_TO, ingress, svc, at, Truth.TRUE, "backend service");
        }
      }
    }
  }

  /**
   * Pod owners by namespace and pod label, so a selector is compared only with the pods that carry its first label
   * (plus those whose labels are unresolved): linear in objects + labels instead of selectors x pods.
   */
  private static final class LabelIndex {
    private final Map<String, List<Resource>> byNamespace;
    private final Map<String, List<Resource>> byLabel = new HashMap<>();
    private final Map<String, List<Resource>> unresolved = new HashMap<>();
    private final Map<Resource, Integer> order = new java.util.IdentityHashMap<>();

    LabelIndex(Map<String, List<Resource>> byNamespace) {
      this.byNamespace = byNamespace;
      byNamespace.forEach((ns, owners) -> {
        for (Resource w : owners) {
          order.put(w, order.size());
          Value podLabels = K8s.podLabels(w);
          boolean unknown = podLabels.isUnknown();
          for (var e : podLabels.entries().entrySet()) {
            if (e.getValue().isUnknown()) {
              unknown = true;
            }
            e.getValue().asString().ifPresent(v -> byLabel.computeIfAbsent(ns + "\0" + e.getKey() + "=" + v,
                k -> new ArrayList<>()).add(w));
          }
          if (unknown) {
            unresolved.computeIfAbsent(ns, k -> new ArrayList<>()).add(w);
          }
        }
      });
    }

    /** Pod owners of {@code namespace} that {@code labels} (a label map) may select, in model order. */
    List<Resource> candidates(String namespace, Value labels) {
      List<Resource> all = byNamespace.getOrDefault(namespace, List.of());
      if (labels.isUnknown()) {
        return all;
      }
      for (var e : labels.entries().entrySet()) {
        var v = e.getValue().asString();
        if (v.isPresent()) {
          List<Resource> out = new ArrayList<>(byLabel.getOrDefault(namespace + "\0" + e.getKey() + "=" + v.get(),
              List.of()));
          out.addAll(unresolved.getOrDefault(namespace, List.of()));
          out.sort(java.util.Comparator.comparingInt(order::get));
          return out.stream().distinct().toList();
        }
      }
      return all; // no known label to narrow by (empty selector, only matchExpressions)
    }
  }

  /** The default backend and every rule path's backend. */
  static List<Value> ingressBackends(Resource ingress) {
    List<Value> backends = new ArrayList<>();
    backends.add(ingress.attr("spec.defaultBackend"));
    backends.add(ingress.attr("spec.backend"));
    for (Value rule : ingress.attr("spec.rules").items()) {
      for (Value path : rule.path("http.paths").items()) {
        backends.add(path.get("backend"));
      }
    }
    backends.removeIf(Value::isAbsent);
    return backends;
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
