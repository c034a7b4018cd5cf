package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "SPOF-K8S-011",
    title = "Replicated workload keeps its data on node-local storage",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "hostPath volumes and local PersistentVolumes live on one node's disk: the replicas do not share "
        + "that data, a pod cannot move to another node with it, and the node's loss loses it, so the replicas do "
        + "not provide the redundancy they seem to.",
    remediation = "Use network-attached or replicated storage (a StorageClass with a CSI provisioner), or keep "
        + "the data in a replicated service; reserve hostPath for node agents (DaemonSets).",
    tags = {"kubernetes", "storage", "replicas"},
    references = {
        "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
        "https://kubernetes.io/docs/concepts/storage/volumes/#local"})
public final class LocalStorageReplicated implements Rule {

  private static final Set<String> LOCAL_PROVISIONERS = Set.of("kubernetes.io/no-provisioner", "rancher.io/local-path",
      "openebs.io/local", "topolvm.io", "topolvm.cybozu.com");
  private static final Set<String> LOCAL_CLASS_NAMES = Set.of("local", "local-path", "local-storage", "openebs-hostpath");

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    Map<String, Resource> claims = new HashMap<>();
    for (Resource pvc : model.all(Kinds.PVC)) {
      claims.put(K8s.namespace(pvc) + "/" + K8s.name(pvc), pvc);
    }
    Map<String, Resource> volumes = new HashMap<>();
    for (Resource pv : model.all(Kinds.PV)) {
      volumes.put(K8s.name(pv), pv);
    }
    Map<String, Resource> classes = new HashMap<>();
    for (Resource sc : model.all(Kinds.STORAGE_CLASS)) {
      classes.put(K8s.name(sc), sc);
    }
    for (Resource w : rel.workloads()) {
      K8sRelations.Replicas replicas = rel.replicas(w);
      if (replicas.known() && replicas.value() < 2) {
        continue;
      }
      Optional<String> found = Optional.empty();
      Value where = Value.absent();
      for (Value volume : K8s.podSpec(w).get("volumes").items()) {
        Value hostPath = volume.get("hostPath");
        if (!hostPath.isAbsent()) {
          found = Optional.of("hostPath volume " + volume.get("name").describe() + " ("
              + hostPath.get("path").describe() + ")");
          where = hostPath;
          break;
        }
        Value claim = volume.get("persistentVolumeClaim");
        Resource pvc = claim.get("claimName").asString().map(n -> claims.get(K8s.namespace(w) + "/" + n))
            .orElse(null);
        Optional<String> local = pvc == null ? Optional.empty() : localClaim(pvc.attr("spec"), volumes, classes);
        if (local.isPresent()) {
          found = Optional.of("claim " + K8s.name(pvc) + " (" + local.get() + ")");
          where = claim;
          break;
        }
      }
      if (found.isEmpty()) {
        for (Value template : w.attr("spec.volumeClaimTemplates").items()) {
          Optional<String> local = localClaim(template.get("spec"), volumes, classes);
          if (local.isPresent()) {
            found = Optional.of("volume claim template " + template.path("metadata.name").describe() + " ("
                + local.get() + ")");
            where = template.path("spec.storageClassName");
            break;
          }
        }
      }
      if (found.isPresent() && !replicas.known()) {
        report.unknown(w, where, "%s keeps its data on node-local storage, %s; this matters if it runs 2 or more "
            + "replicas, which depends on %s", w.address(), found.get(), Values.why(replicas.source()));
      } else if (found.isPresent()) {
        report.at(w, where, "%s runs %d replicas on node-local storage, %s: each replica's data lives on one "
            + "node and is lost with it", w.address(), replicas.value(), found.get());
      }
    }
  }

  /** Why a claim spec is node-local: a local/hostPath PersistentVolume or a local StorageClass. */
  private static Optional<String> localClaim(Value spec, Map<String, Resource> volumes,
      Map<String, Resource> classes) {
    Optional<String> volumeName = spec.get("volumeName").asString();
    if (volumeName.isPresent() && volumes.containsKey(volumeName.get())) {
      Resource pv = volumes.get(volumeName.get());
      if (!pv.attr("spec.local").isAbsent() || !pv.attr("spec.hostPath").isAbsent()) {
        return Optional.of("bound to local PersistentVolume " + volumeName.get());
      }
    }
    Optional<String> className = spec.get("storageClassName").asString();
    if (className.isEmpty()) {
      return Optional.empty();
    }
    Resource sc = classes.get(className.get());
    if (sc != null) {
      Optional<String> provisioner = sc.attr("provisioner").asString();
      return provisioner.filter(LOCAL_PROVISIONERS::contains)
          .map(p -> "StorageClass " + className.get() + " provisions node-local volumes with " + p);
    }
    return LOCAL_CLASS_NAMES.contains(className.get())
        ? Optional.of("StorageClass " + className.get() + " is node-local") : Optional.empty();
  }

}
