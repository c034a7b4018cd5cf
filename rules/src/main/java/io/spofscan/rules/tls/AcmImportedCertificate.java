package io.spofscan.rules.tls;

import static io.spofscan.rules.catalog.Attrs.CERTIFICATE_BODY;
import static io.spofscan.rules.catalog.Attrs.PRIVATE_KEY;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;

@RuleInfo(
    id = "SPOF-TLS-001",
    title = "ACM certificate is imported instead of issued by ACM",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "ACM never renews an imported certificate: someone must re-import it before it expires, and a "
        + "missed renewal takes down every listener and distribution that uses it.",
    remediation = "Request the certificate from ACM (domain_name + validation_method = \"DNS\" with an "
        + "aws_acm_certificate_validation) so ACM renews it automatically.",
    tags = {"aws", "acm", "tls", "certificate"},
    references = {
        "https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html",
        "https://docs.aws.amazon.com/acm/latest/userguide/import-certificate.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/acm_certificate"})
public final class AcmImportedCertificate implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.ACM_CERTIFICATE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value key = r.attr(PRIVATE_KEY);
    Value body = r.attr(CERTIFICATE_BODY);
    Value where = !key.isAbsent() ? key : body;
    if (where.isAbsent() || where.isNull()) {
      return; // requested from ACM: renewed automatically
    }
    report.at(r, where, "%s is imported from a certificate body and private key: ACM does not renew imported "
        + "certificates, so it expires unless someone re-imports it in time", r.address());
  }
}
