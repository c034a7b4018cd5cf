package io.spofscan.rules.k8s;

import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises well-known software from container images ("docker.io/bitnami/postgresql:16" is PostgreSQL) and
 * from the standard {@code app.kubernetes.io/name} / {@code app} labels.
 */
public final class Images {
  private Images() {}

  /** First token of the image's last path segment (or of a label value) → what it is. */
  private static final Map<String, String> STATEFUL = new LinkedHashMap<>();

  static {
    STATEFUL.put("postgres", "PostgreSQL");
    STATEFUL.put("postgresql", "PostgreSQL");
    STATEFUL.put("postgis", "PostgreSQL");
    STATEFUL.put("mysql", "MySQL");
    STATEFUL.put("percona", "MySQL");
    STATEFUL.put("mariadb", "MariaDB");
    STATEFUL.put("mongo", "MongoDB");
    STATEFUL.put("mongodb", "MongoDB");
    STATEFUL.put("kafka", "Kafka");
    STATEFUL.put("zookeeper", "ZooKeeper");
    STATEFUL.put("etcd", "etcd");
    STATEFUL.put("rabbitmq", "RabbitMQ");
    STATEFUL.put("nats", "NATS");
    STATEFUL.put("elasticsearch", "Elasticsearch");
    STATEFUL.put("opensearch", "OpenSearch");
    STATEFUL.put("vault", "Vault");
    STATEFUL.put("openbao", "OpenBao");
    STATEFUL.put("consul", "Consul");
    STATEFUL.put("keycloak", "Keycloak");
    STATEFUL.put("redis", "Redis");
    STATEFUL.put("valkey", "Valkey");
  }

  /** Tokens that mean a companion tool, not the server itself (an exporter, an operator, a UI...). */
  private static final Set<String> COMPANIONS = Set.of("exporter", "operator", "proxy", "box", "injector", "ui",
      "agent", "k8s", "client", "cli", "connect", "rest", "schema", "registry", "dashboards", "kibana", "metrics",
      "backup", "init", "webhook", "controller", "sentinel", "commander", "insight", "bouncer", "pgbouncer",
      "admin", "tools", "reloader", "streaming", "csi", "provider");

  /** The last path segment of an image reference, without registry, tag or digest. */
  public static String baseName(String image) {
    String s = image.trim().toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      s = s.substring(0, colon);
    }
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** The image without tag or digest, lower case. */
  public static String repository(String image) {
    String s = image.trim().toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    return colon > slash ? s.substring(0, colon) : s;
  }

  /** What a name (image base name or label value) says it is, e.g. "cp-kafka" → Kafka. */
  static Optional<String> statefulName(String name) {
    String[] tokens = name.toLowerCase(Locale.ROOT).split("[-_.]");
    int first = tokens.length > 1 && (tokens[0].equals("cp") || tokens[0].equals("bitnami")) ? 1 : 0;
    for (String t : tokens) {
      if (COMPANIONS.contains(t)) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(STATEFUL.get(tokens[first]));
  }

  /** The stateful software a workload's main containers run, by image, else by its well-known labels. */
  public static Optional<String> statefulService(Resource r) {
    for (Value c : K8s.podSpec(r).get("containers").items()) {
      Optional<String> found = c.get("image").asString().map(Images::baseName).flatMap(Images::statefulName);
      if (found.isPresent()) {
        return found;
      }
    }
    for (Value labels : new Value[] {K8s.podLabels(r), r.attr("metadata.labels")}) {
      for (String key : new String[] {"app.kubernetes.io/name", "app"}) {
        Optional<String> found = labels.get(key).asString().flatMap(Images::statefulName);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Stores of secrets or configuration that workloads read at start; single ones are SPOF-SECRETS-001's. */
  private static final Set<String> CONFIG_STORES = Set.of("Vault", "OpenBao", "Consul", "etcd");

  /** The secrets or configuration store a workload runs: Vault, OpenBao, Consul, etcd or a config server. */
  public static Optional<String> configStore(Resource r) {
    Optional<String> store = statefulService(r).filter(CONFIG_STORES::contains);
    if (store.isPresent()) {
      return store;
    }
    for (Value c : K8s.podSpec(r).get("containers").items()) {
      String base = c.get("image").asString().map(Images::baseName).orElse("");
      if (base.contains("config-server") || base.contains("configserver")) {
        return Optional.of("a configuration server");
      }
    }
    return Optional.empty();
  }

  public static boolean isRedis(Resource r) {
    return statefulService(r).map(s -> s.equals("Redis") || s.equals("Valkey")).orElse(false);
  }

  /** Whether every container of the pod template runs the {@code pause} image: a placeholder that serves nothing. */
  public static boolean onlyPause(Resource r) {
    var containers = K8s.podSpec(r).get("containers").items();
    return !containers.isEmpty() && containers.stream().allMatch(c -> c.get("image").asString()
        .map(Images::baseName).filter(b -> b.equals("pause")).isPresent());
  }

  /** Components every Ingress or every DNS lookup of the cluster goes through, recognised by image. */
  public static Optional<String> clusterEntryPoint(Resource r) {
    for (Value c : K8s.podSpec(r).get("containers").items()) {
      Optional<String> image = c.get("image").asString().map(Images::repository);
      if (image.isEmpty()) {
        continue;
      }
      String repo = image.get();
      String base = repo.substring(repo.lastIndexOf('/') + 1);
      // The ingress-nginx registry also ships helpers (error pages, echo servers, certgen): only its controller counts.
      if (base.contains("nginx-ingress") || base.equals("ingress-nginx")
          || repo.contains("ingress-nginx") && base.contains("controller")) {
        return Optional.of("the NGINX ingress controller");
      }
      if (base.equals("traefik")) {
        return Optional.of("the Traefik ingress controller");
      }
      if (repo.contains("haproxy") && repo.contains("ingress")) {
        return Optional.of("the HAProxy ingress controller");
      }
      if (base.equals("contour")) {
        return Optional.of("the Contour ingress controller");
      }
      if (base.equals("coredns") || base.contains("kube-dns")) {
        return Optional.of("the cluster DNS server");
      }
    }
    return Optional.empty();
  }

  /** Whether this is (or sits beside) a Redis Sentinel: any mention of sentinel in its pod spec or labels. */
  public static boolean mentionsSentinel(Resource r) {
    return K8s.mentions(K8s.podSpec(r), "sentinel") || K8s.mentions(K8s.podLabels(r), "sentinel");
  }
}
