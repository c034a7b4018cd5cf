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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "SPOF-K8S-005",
    title = "PodDisruptionBudget selects no pods",
    severity = Severity.LOW,
    formats = {Format.KUBERNETES},
    rationale = "A budget whose selector matches no pod template in its namespace protects nothing: the workload "
        + "it was meant for can lose all its pods in one drain although a budget seems to exist.",
    remediation = "Make spec.selector match the pod template labels of the workload it protects, in the same "
        + "namespace.",
    tags = {"kubernetes", "disruption"},
    references = {"https://kubernetes.io/docs/tasks/run-application/configure-pdb/#specifying-a-poddisruptionbudget"})
public final class PdbSelectsNothing implements Rule {

  @Override
  public void check(Model model, Reporter report) {
    K8sRelations rel = K8sRelations.of(model);
    Map<String, Resource> customByNamespace = new HashMap<>();
    for (Resource r : model.resources()) {
      if (r.format() == Format.KUBERNETES && isCustomResource(r)) {
        customByNamespace.putIfAbsent(K8s.namespace(r), r);
      }
    }
    for (Resource pdb : model.all(Kinds.PDB)) {
      Value selector = pdb.attr("spec.selector");
      List<K8sRelations.Match> selected = rel.selectedBy(pdb);
      if (!selected.isEmpty()) {
        continue;
      }
      Resource custom = customByNamespace.get(K8s.namespace(pdb));
      if (custom != null) {
        report.unknown(pdb, selector, "%s selects no pods of the workloads in the scan; it protects something "
            + "only if an operator creates matching pods, e.g. for %s", pdb.address(), custom.address());
      } else {
        report.at(pdb, selector, "%s selects no pods of any workload in namespace %s: it protects nothing",
            pdb.address(), K8s.namespace(pdb));
      }
    }
  }

  /** An object of an API group that is not Kubernetes' own: an operator may create pods for it. */
  static boolean isCustomResource(Resource r) {
    String type = r.type();
    int slash = type.indexOf('/');
    if (slash < 0) {
      return false; // core group ("v1 Pod")
    }
    String group = type.substring(0, slash);
    return group.contains(".") && !group.endsWith(".k8s.io") && !group.equals("k8s.io");
  }
}
