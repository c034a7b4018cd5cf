package io.spofscan.parsers.kubernetes;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes objects declared through Terraform's {@code kubernetes} provider become the same model objects as
 * manifests, so every Kubernetes rule judges them with no second copy: {@code kubernetes_manifest}'s
 * {@code manifest} is already an object; the typed resources ({@code kubernetes_deployment_v1},
 * {@code _stateful_set}, {@code _daemon_set}, {@code _pod_disruption_budget}, {@code _horizontal_pod_autoscaler},
 * {@code _service}, {@code _ingress}, ...) have their blocks turned into fields ({@code match_labels} into
 * {@code matchLabels}, repeated {@code container} blocks into {@code containers}). Every value keeps the location
 * of the Terraform attribute it came from; attribute maps ({@code labels}, {@code selector}) keep their keys.
 */
public final class TerraformKubernetesObjects {
  private static final Pattern TYPED = Pattern.compile("kubernetes_([a-z_]+?)(_v[0-9]+(?:beta[0-9]+)?)?");

  /** Terraform resource name (without version suffix) -> apiVersion and kind. */
  private static final Map<String, String[]> KINDS = Map.ofEntries(
      Map.entry("deployment", new String[] {"apps/v1", "Deployment"}),
      Map.entry("stateful_set", new String[] {"apps/v1", "StatefulSet"}),
      Map.entry("daemon_set", new String[] {"apps/v1", "DaemonSet"}),
      Map.entry("daemonset", new String[] {"apps/v1", "DaemonSet"}),
      Map.entry("replication_controller", new String[] {"v1", "ReplicationController"}),
      Map.entry("pod", new String[] {"v1", "Pod"}),
      Map.entry("service", new String[] {"v1", "Service"}),
      Map.entry("pod_disruption_budget", new String[] {"policy/v1", "PodDisruptionBudget"}),
      Map.entry("horizontal_pod_autoscaler", new String[] {"autoscaling/v2", "HorizontalPodAutoscaler"}),
      Map.entry("ingress", new String[] {"networking.k8s.io/v1", "Ingress"}),
      Map.entry("persistent_volume_claim", new String[] {"v1", "PersistentVolumeClaim"}),
      Map.entry("config_map", new String[] {"v1", "ConfigMap"}),
      Map.entry("secret", new String[] {"v1", "Secret"}),
      Map.entry("job", new String[] {"batch/v1", "Job"}),
      Map.entry("cron_job", new String[] {"batch/v1", "CronJob"}));

  /** Blocks that repeat: Kubernetes names their list field in the plural. */
  private static final Map<String, String> LISTS = Map.ofEntries(
      Map.entry("container", "containers"), Map.entry("init_container", "initContainers"),
      Map.entry("ephemeral_container", "ephemeralContainers"), Map.entry("volume", "volumes"),
      Map.entry("volume_mount", "volumeMounts"), Map.entry("port", "ports"), Map.entry("env", "env"),
      Map.entry("env_from", "envFrom"), Map.entry("toleration", "tolerations"),
      Map.entry("topology_spread_constraint", "topologySpreadConstraints"),
      Map.entry("image_pull_secrets", "imagePullSecrets"), Map.entry("host_aliases", "hostAliases"),
      Map.entry("match_expressions", "matchExpressions"), Map.entry("rule", "rules"), Map.entry("path", "paths"),
      Map.entry("tls", "tls"), Map.entry("metric", "metrics"), Map.entry("volume_claim_template",
          "volumeClaimTemplates"), Map.entry("required_during_scheduling_ignored_during_execution",
          "requiredDuringSchedulingIgnoredDuringExecution"),
      Map.entry("preferred_during_scheduling_ignored_during_execution",
          "preferredDuringSchedulingIgnoredDuringExecution"),
      Map.entry("node_selector_term", "nodeSelectorTerms"), Map.entry("ingress", "ingress"),
      Map.entry("egress", "egress"));

  /** Fields whose value is a map of user keys (labels, selectors), never renamed. */
  private static final Set<String> USER_MAPS = Set.of("labels", "annotations", "selector", "match_labels",
      "node_selector", "data", "binary_data", "string_data");

  private TerraformKubernetesObjects() {}

  /** The Terraform model with its Kubernetes-provider resources replaced by Kubernetes objects. */
  public static Model convert(Model terraform, String defaultNamespace) {
    KubernetesReader reader = new KubernetesReader(defaultNamespace);
    List<Resource> out = new ArrayList<>();
    boolean changed = false;
    for (Resource r : terraform.resources()) {
      Optional<Value.MapValue> object = r.format() == Format.TERRAFORM ? object(r) : Optional.empty();
      if (object.isPresent() && KubernetesReader.isObject(object.get())) {
        Resource k = reader.resource(object.get(), r.range());
        out.add(new Resource(k.format(), k.type(), k.address(), r.range(), k.body(), r.references(), r.existence(),
            r.callChain(), r.origins()));
        changed = true;
      } else {
        out.add(r);
      }
    }
    return changed ? new Model(out, terraform.diagnostics()) : terraform;
  }

  static Optional<Value.MapValue> object(Resource r) {
    if (r.type().equals("kubernetes_manifest")) {
      return r.attr("manifest") instanceof Value.MapValue m ? Optional.of(m) : Optional.empty();
    }
    Matcher m = TYPED.matcher(r.type());
    if (!m.matches() || !KINDS.containsKey(m.group(1)) || !r.type().startsWith("kubernetes_")) {
      return Optional.empty();
    }
    String[] kind = KINDS.get(m.group(1));
    Map<String, Value> obj = new LinkedHashMap<>();
    obj.put("apiVersion", Value.of(kind[0], r.range()));
    obj.put("kind", Value.of(kind[1], r.range()));
    Value.MapValue body = r.body();
    for (String top : new String[] {"metadata", "spec", "data", "binary_data"}) {
      Value v = body.get(top);
      if (!v.isAbsent()) {
        obj.put(camel(top), convert(top, v));
      }
    }
    return Optional.of(new Value.MapValue(obj, r.range()));
  }

  /** A block or attribute value in Kubernetes shape. */
  private static Value convert(String key, Value v) {
    if (USER_MAPS.contains(key) && v instanceof Value.MapValue) {
      return v;
    }
    if (v instanceof Value.ListValue list && !list.items().isEmpty()
        && list.items().stream().allMatch(i -> i instanceof Value.MapValue)) {
      List<Value> items = list.items().stream().map(i -> (Value) block((Value.MapValue) i)).toList();
      // a block that may repeat is a list field; any other block is one object
      return LISTS.containsKey(key) ? new Value.ListValue(items, list.range()) : items.get(0);
    }
    if (v instanceof Value.MapValue map) {
      return block(map);
    }
    return v;
  }

  private static Value.MapValue block(Value.MapValue map) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : map.entries().entrySet()) {
      String name = LISTS.getOrDefault(e.getKey(), camel(e.getKey()));
      out.put(name, convert(e.getKey(), e.getValue()));
    }
    return new Value.MapValue(out, map.range());
  }

  static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
