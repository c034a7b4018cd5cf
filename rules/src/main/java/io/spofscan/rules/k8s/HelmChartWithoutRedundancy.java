package io.spofscan.rules.k8s;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.modules.ChartAwareRule;

@RuleInfo(
    id = "SPOF-HELM-001",
    title = "Helm release of a well-known chart runs without redundancy",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.KUBERNETES},
    rationale = "A chart's values decide how many copies of a service it deploys. Bitnami's database charts "
        + "install one standalone primary unless told otherwise, Vault's chart one standalone server, the ingress "
        + "controller one pod: whatever the chart, one copy is one pod or node failure away from an outage.",
    remediation = "Set the chart's replication or high-availability values (for example architecture: "
        + "replication, server.ha.enabled: true, controller.replicaCount: 2) in the release's values.",
    tags = {"kubernetes", "helm", "replicas"},
    references = {
        "https://helm.sh/docs/chart_template_guide/values_files/",
        "https://github.com/bitnami/charts/tree/main/bitnami/postgresql#architecture",
        "https://developer.hashicorp.com/vault/docs/platform/k8s/helm/configuration#ha"})
public final class HelmChartWithoutRedundancy implements ChartAwareRule {

  @Override
  public void check(Model model, Reporter report) {
    for (HelmReleases.Release release : HelmReleases.of(model)) {
      judgeRelease(release.resource(), release.values(), release.chart(), release.name(), report);
    }
  }
}
