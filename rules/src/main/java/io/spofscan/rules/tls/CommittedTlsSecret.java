package io.spofscan.rules.tls;

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

@RuleInfo(
    id = "SPOF-TLS-004",
    title = "kubernetes.io/tls Secret committed with its certificate and key",
    severity = Severity.HIGH,
    formats = {Format.KUBERNETES},
    rationale = "A TLS secret kept in the repository is renewed only when someone commits a new one, so it "
        + "expires on its own schedule; and its private key is readable by everyone with the repository.",
    remediation = "Let cert-manager issue the secret from a Certificate (or an Ingress annotation), or keep it "
        + "in a secret store (External Secrets, Sealed Secrets) instead of committing tls.crt and tls.key.",
    tags = {"kubernetes", "tls", "certificate", "secret"},
    references = {
        "https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets",
        "https://cert-manager.io/docs/usage/certificate/"})
public final class CommittedTlsSecret implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.SECRET) && r.attr("type").asString().map("kubernetes.io/tls"::equals).orElse(false);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    for (String section : new String[] {"data", "stringData"}) {
      Value data = r.attr(section);
      for (String key : new String[] {"tls.key", "tls.crt"}) {
        Value v = data.get(key);
        if (Values.present(v)) {
          report.at(r, v, "%s commits %s in the repository: it is renewed only by a new commit, and the "
              + "private key is exposed to everyone who can read the repository", r.address(), key);
          return;
        }
      }
    }
  }
}
