package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-K8S-013",
    title = "Kubernetes Redis/Valkey runs a single replica without Sentinel",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "A single Redis or Valkey pod with no Sentinel has no replica to promote: every restart, "
        + "eviction or node failure makes the data store unavailable, and data not yet persisted is lost.",
    remediation = "Run Redis with replicas and Sentinel (or Redis Cluster), e.g. 3 replicas with Sentinel "
        + "sidecars, or use a managed Redis with automatic failover.",
    tags = {"kubernetes", "redis", "cache", "replicas"},
    references = {
        "https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/",
        "https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/"},
    aliases = {"SPOF-REDIS-003"})
public final class RedisSingleReplica implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    for (Resource w : rel.workloads()) {
      if (!Images.isRedis(w) || sentinelNearby(w, rel)) {
        continue;
      }
      String what = Images.statefulService(w).orElse("Redis");
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (!replicas.known()) {
        report.unknown(w, replicas.source(), "%s runs %s without Sentinel and may have a single replica: its "
            + "replica count depends on %s", w.address(), what, Values.why(replicas.source()));
      } else if (replicas.value() == 1) {
        report.at(w, replicas.source(), "%s runs %s as a single replica with no Sentinel: a restart, eviction "
            + "or node failure makes it unavailable, with no replica to promote", w.address(), what);
      }
    }
  }

  /** Sentinel in the workload itself or in a pod owner of its namespace and application. */
  static boolean sentinelNearby(Resource w, K8sRelations rel) {
    for (Resource other : rel.relatedPodOwners(w)) {
      if (Images.mentionsSentinel(other)) {
        return true;
      }
    }
    return false;
  }
}
