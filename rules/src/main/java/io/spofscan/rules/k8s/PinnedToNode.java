package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import java.util.List;

@RuleInfo(
    id = "SPOF-K8S-008",
    title = "Pods are pinned to a single node",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "Pods bound to one node by nodeName, a kubernetes.io/hostname nodeSelector or a required node "
        + "affinity on that one host cannot be rescheduled: when the node fails or is drained, all of them stop, "
        + "whatever the replica count.",
    remediation = "Remove nodeName and hostname selectors; select nodes by role or pool labels shared by several "
        + "nodes, and spread replicas over them.",
    tags = {"kubernetes", "scheduling", "node"},
    references = {"https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/"})
public final class PinnedToNode implements ResourceRule {

  private static final String HOSTNAME = "kubernetes.io/hostname";

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.POD_OWNER) && !r.is(Kinds.DAEMON_SET) && !K8s.isOwned(r);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value spec = K8s.podSpec(r);
    Value nodeName = spec.get("nodeName");
    if (nodeName.isUnknown()) {
      report.unknown(r, nodeName, "%s may be pinned to one node: nodeName depends on %s", r.address(),
          Values.why(nodeName));
      return;
    }
    if (Values.present(nodeName)) {
      report.at(r, nodeName, "%s is pinned to node %s by nodeName: when that node fails or is drained its pods "
          + "cannot run anywhere else", r.address(), nodeName.describe());
      return;
    }
    Value hostSelector = spec.get("nodeSelector").get(HOSTNAME);
    if (hostSelector.isUnknown()) {
      report.unknown(r, hostSelector, "%s may be pinned to one node: its kubernetes.io/hostname nodeSelector "
          + "depends on %s", r.address(), Values.why(hostSelector));
      return;
    }
    if (Values.present(hostSelector)) {
      report.at(r, hostSelector, "%s is pinned to node %s by a kubernetes.io/hostname nodeSelector: when that "
          + "node fails or is drained its pods cannot run anywhere else", r.address(), hostSelector.describe());
      return;
    }
    Value terms = spec.path("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
        + ".nodeSelectorTerms");
    List<Value> items = terms.items();
    if (items.isEmpty()) {
      return;
    }
    // Terms are ORed: the pods are pinned only when every term allows exactly one host.
    Value firstPin = null;
    for (Value term : items) {
      Value pin = singleHostExpression(term);
      if (pin == null) {
        return;
      }
      firstPin = firstPin == null ? pin : firstPin;
    }
    report.at(r, firstPin, "%s is pinned to a single node by a required node affinity on kubernetes.io/hostname: "
        + "when that node fails or is drained its pods cannot run anywhere else", r.address());
  }

  /** The key of the matchExpressions item restricting kubernetes.io/hostname to one value, or null. */
  private static Value singleHostExpression(Value term) {
    for (Value expr : term.get("matchExpressions").items()) {
      if (expr.get("key").asString().map(HOSTNAME::equals).orElse(false)
          && expr.get("operator").asString().map("In"::equals).orElse(false)
          && expr.get("values").items().size() == 1) {
        return expr.get("key");
      }
    }
    return null;
  }
}
