package io.spofscan.rules.tls;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.k8s.K8s;
import io.spofscan.rules.support.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "SPOF-TLS-003",
    title = "Ingress TLS secret is not managed by cert-manager",
    severity = Severity.MEDIUM,
    formats = {Format.KUBERNETES},
    rationale = "A TLS secret that no controller renews is renewed by hand: when someone forgets, every host of "
        + "the Ingress serves an expired certificate.",
    remediation = "Annotate the Ingress with cert-manager.io/cluster-issuer (or cert-manager.io/issuer), or "
        + "declare a cert-manager Certificate whose spec.secretName is the secret, so it is renewed automatically.",
    tags = {"kubernetes", "ingress", "tls", "certificate"},
    references = {
        "https://cert-manager.io/docs/usage/ingress/",
        "https://cert-manager.io/docs/usage/certificate/",
        "https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"})
public final class IngressTlsWithoutCertManager implements Rule {

  private static final List<String> ISSUER_ANNOTATIONS = List.of("cert-manager.io/cluster-issuer",
      "cert-manager.io/issuer", "certmanager.k8s.io/cluster-issuer", "certmanager.k8s.io/issuer");

  @Override
  public void check(Model model, Reporter report) {
    Set<String> managedSecrets = new HashSet<>();
    boolean someCertificateUnknown = false;
    for (Resource cert : model.all(Kinds.CERT_MANAGER_CERTIFICATE)) {
      if (!cert.type().contains("cert-manager")) {
        continue; // another API group's Certificate kind
      }
      Value secret = cert.attr("spec.secretName");
      if (secret.isUnknown()) {
        someCertificateUnknown = true;
      }
      secret.asString().ifPresent(s -> managedSecrets.add(K8s.namespace(cert) + "/" + s));
    }
    for (Resource ingress : model.all(Kinds.INGRESS)) {
      Value annotations = ingress.attr("metadata.annotations");
      if (ISSUER_ANNOTATIONS.stream().anyMatch(a -> Values.present(annotations.get(a)))
          || Values.lower(annotations.get("kubernetes.io/tls-acme")).map("true"::equals).orElse(false)) {
        continue;
      }
      for (Value tls : ingress.attr("spec.tls").items()) {
        Value secret = tls.get("secretName");
        if (secret.isAbsent()) {
          continue; // the controller's default certificate
        }
        if (secret.isUnknown()) {
          report.unknown(ingress, secret, "%s uses a TLS secret that may not be renewed automatically: its name "
              + "depends on %s", ingress.address(), Values.why(secret));
          continue;
        }
        String name = secret.asString().orElse("");
        if (managedSecrets.contains(K8s.namespace(ingress) + "/" + name)) {
          continue;
        }
        if (someCertificateUnknown) {
          report.unknown(ingress, secret, "%s uses TLS secret %s, which is renewed automatically only if a "
              + "cert-manager Certificate with an unresolved secretName issues it", ingress.address(), name);
        } else {
          report.at(ingress, secret, "%s uses TLS secret %s, which no cert-manager issuer annotation or "
              + "Certificate renews: the certificate expires unless renewed by hand", ingress.address(), name);
        }
      }
    }
  }
}
