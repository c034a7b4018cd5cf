package io.spofscan.rules.graph;

import io.spofscan.core.graph.AppScope;
import io.spofscan.core.graph.EdgeKind;
import io.spofscan.core.graph.EdgeSource;
import io.spofscan.core.graph.Graph;
import io.spofscan.core.graph.Node;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.rules.catalog.GraphKinds;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.k8s.K8s;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Kubernetes workloads connect to and need at start. USES: a value of {@code env} (also through
 * {@code valueFrom} ConfigMap/Secret keys and {@code envFrom}) whose host is a Service DNS name of the scan (or an
 * external host). NEEDS_AT_START: the Vault agent injector, a CSI secret-store volume, an init container that waits
 * for a host. Gateway API HTTPRoute ROUTES_TO its backend Services. Within one application unit; indexed by
 * namespace and name.
 */
final class KubernetesUses implements EdgeSource {
  private static final String CSI_SECRETS_STORE = "secrets-store.csi.k8s.io";

  private final Map<String, List<Resource>> services = new HashMap<>();
  private final Map<String, List<Resource>> configMaps = new HashMap<>();
  private final Map<String, List<Resource>> secrets = new HashMap<>();
  private AppScope scope = AppScope.directories();

  @Override
  public void addEdges(Model model, Graph.Builder graph) {
    scope = graph.scope();
    model.all(Kinds.SERVICE).forEach(s -> services.computeIfAbsent(id(s), k -> new ArrayList<>()).add(s));
    model.all(GraphKinds.CONFIG_MAP).forEach(s -> configMaps.computeIfAbsent(id(s), k -> new ArrayList<>()).add(s));
    model.all(Kinds.SECRET).forEach(s -> secrets.computeIfAbsent(id(s), k -> new ArrayList<>()).add(s));
    for (Resource w : model.all(Kinds.POD_OWNER)) {
      if (K8s.isOwned(w)) {
        continue;
      }
      Value spec = K8s.podSpec(w);
      for (Value c : spec.get("containers").items()) {
        env(graph, w, c);
      }
      for (Value c : spec.get("initContainers").items()) {
        env(graph, w, c);
        waits(graph, w, c);
      }
      startNeeds(graph, w, spec);
    }
    for (Resource route : model.all(GraphKinds.HTTP_ROUTE)) {
      for (Value rule : route.attr("spec.rules").items()) {
        for (Value ref : rule.get("backendRefs").items()) {
          if (!ref.get("kind").asString().orElse("Service").equals("Service")) {
            continue;
          }
          String ns = ref.get("namespace").asString().orElse(K8s.namespace(route));
          ref.get("name").asString().ifPresent(n -> toService(graph, route, ns + "/" + n,
              ref.location().orElse(route.range()), EdgeKind.ROUTES_TO, "backendRefs " + n));
        }
      }
    }
  }

  private void env(Graph.Builder g, Resource w, Value container) {
    for (Value e : container.get("env").items()) {
      String name = e.get("name").asString().orElse("");
      Value value = e.get("value");
      SourceRange at = e.location().orElse(w.range());
      if (value.asString().isPresent()) {
        hosts(g, w, name, value.asString().get(), at, "env " + name);
        continue;
      }
      Value from = e.get("valueFrom");
      keyRef(g, w, from.get("configMapKeyRef"), configMaps, name, at, false);
      keyRef(g, w, from.get("secretKeyRef"), secrets, name, at, true);
    }
    for (Value e : container.get("envFrom").items()) {
      SourceRange at = e.location().orElse(w.range());
      refAll(g, w, e.get("configMapRef"), configMaps, at, false);
      refAll(g, w, e.get("secretRef"), secrets, at, true);
    }
  }

  private void keyRef(Graph.Builder g, Resource w, Value ref, Map<String, List<Resource>> index, String envName,
      SourceRange at, boolean secret) {
    Optional<String> name = ref.get("name").asString();
    Optional<String> key = ref.get("key").asString();
    if (name.isEmpty() || key.isEmpty()) {
      return;
    }
    for (Resource holder : related(w, index.getOrDefault(K8s.namespace(w) + "/" + name.get(), List.of()))) {
      data(holder, secret).entrySet().stream().filter(d -> d.getKey().equals(key.get()))
          .forEach(d -> hosts(g, w, envName, d.getValue(), at, "env " + envName + " from " + holder.address()));
    }
  }

  private void refAll(Graph.Builder g, Resource w, Value ref, Map<String, List<Resource>> index, SourceRange at,
      boolean secret) {
    Optional<String> name = ref.get("name").asString();
    if (name.isEmpty()) {
      return;
    }
    for (Resource holder : related(w, index.getOrDefault(K8s.namespace(w) + "/" + name.get(), List.of()))) {
      data(holder, secret).forEach((k, v) -> hosts(g, w, k, v, at, "envFrom " + holder.address() + " " + k));
    }
  }

  /** A ConfigMap's data, a Secret's stringData and (decoded) data. */
  private static Map<String, String> data(Resource holder, boolean secret) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    holder.attr("data").entries().forEach((k, v) -> v.asString().ifPresent(s -> out.put(k,
        secret ? decoded(s) : s)));
    holder.attr("stringData").entries().forEach((k, v) -> v.asString().ifPresent(s -> out.put(k, s)));
    return out;
  }

  private static String decoded(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** USES edges to every host the value names: a Service of the scan, else an external host or an unknown one. */
  private void hosts(Graph.Builder g, Resource w, String name, String value, SourceRange at, String via) {
    for (String host : Hosts.in(name, value)) {
      Optional<String> svc = Hosts.serviceOf(host, K8s.namespace(w));
      if (svc.isPresent() && (services.containsKey(svc.get()) || !host.contains("."))) {
        toService(g, w, svc.get(), at, EdgeKind.USES, via);
      } else if (svc.isEmpty() || host.contains(".svc")) {
        g.edge(EdgeKind.USES, g.node(w), svc.isPresent() ? unknownService(g, svc.get()) : g.external(host), at,
            Truth.TRUE, via);
      }
    }
  }

  private void toService(Graph.Builder g, Resource from, String nsName, SourceRange at, EdgeKind kind, String via) {
    List<Resource> found = related(from, services.getOrDefault(nsName, List.of()));
    if (found.isEmpty()) {
      g.edge(kind, g.node(from), unknownService(g, nsName), at, Truth.UNKNOWN, via);
    }
    for (Resource svc : found) {
      g.edge(kind, from, svc, at, Truth.TRUE, via);
    }
  }

  private static Node unknownService(Graph.Builder g, String nsName) {
    return g.unknown("Service/" + nsName, "no Service " + nsName + " in the scanned application");
  }

  /** Init containers that wait for a host (nslookup, nc -z, wait-for, pg_isready -h, curl): NEEDS_AT_START. */
  private void waits(Graph.Builder g, Resource w, Value container) {
    List<String> words = new ArrayList<>();
    for (String key : List.of("command", "args")) {
      for (Value v : container.get(key).items()) {
        v.asString().ifPresent(s -> words.addAll(List.of(s.split("[\\s;&|()'\"]+"))));
      }
    }
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean named = i > 0 && List.of("nslookup", "-h", "-z", "--host", "host", "dig", "getent").contains(
          words.get(i - 1)) || word.contains("://") || word.matches("[A-Za-z][A-Za-z0-9.-]*:\\d{1,5}");
      if (!named) {
        continue;
      }
      for (String host : Hosts.in("HOST", word)) {
        Optional<String> svc = Hosts.serviceOf(host, K8s.namespace(w));
        SourceRange at = container.location().orElse(w.range());
        if (svc.isPresent()) {
          toService(g, w, svc.get(), at, EdgeKind.NEEDS_AT_START, "init container waits for " + host);
        } else {
          g.edge(EdgeKind.NEEDS_AT_START, g.node(w), g.external(host), at, Truth.TRUE,
              "init container waits for " + host);
        }
      }
    }
  }

  /** The Vault agent injector and CSI secret-store volumes: the pod does not start until they deliver. */
  private void startNeeds(Graph.Builder g, Resource w, Value spec) {
    Value annotations = w.is(Kinds.POD) ? w.attr("metadata.annotations")
        : w.attr("spec.template.metadata.annotations");
    Value inject = annotations.get("vault.hashicorp.com/agent-inject");
    if (inject.truth(false) == Truth.TRUE) {
      Value addr = annotations.get("vault.hashicorp.com/service");
      String host = addr.asString().flatMap(a -> Hosts.in("ADDR", a).stream().findFirst()).orElse("vault");
      Optional<String> svc = Hosts.serviceOf(host, K8s.namespace(w));
      SourceRange at = inject.location().orElse(w.range());
      if (svc.isPresent() && services.containsKey(svc.get())) {
        toService(g, w, svc.get(), at, EdgeKind.NEEDS_AT_START, "Vault agent injector");
      } else {
        g.edge(EdgeKind.NEEDS_AT_START, g.node(w), g.unknown("Vault server " + host,
            "the Vault server the agent injector reads (" + host + ") is not in the scan"), at, Truth.UNKNOWN,
            "Vault agent injector");
      }
    }
    for (Value volume : spec.get("volumes").items()) {
      Value csi = volume.get("csi");
      if (csi.get("driver").asString().filter(CSI_SECRETS_STORE::equals).isPresent()) {
        String cls = csi.path("volumeAttributes.secretProviderClass").asString().orElse("?");
        g.edge(EdgeKind.NEEDS_AT_START, g.node(w), g.unknown("secret store of SecretProviderClass " + cls,
            "the secret store behind a CSI secret-store volume is outside the cluster's manifests"),
            volume.location().orElse(w.range()), Truth.UNKNOWN, "CSI secret-store volume");
      }
    }
  }

  private List<Resource> related(Resource from, List<Resource> candidates) {
    return candidates.stream().filter(c -> scope.related(from, c)).toList();
  }

  private static String id(Resource r) {
    return K8s.namespace(r) + "/" + K8s.name(r);
  }
}
