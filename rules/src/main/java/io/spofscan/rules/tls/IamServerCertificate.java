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

@RuleInfo(
    id = "SPOF-TLS-002",
    title = "TLS certificate stored as an IAM server certificate",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "IAM server certificates are uploaded by hand and never renewed: the load balancers using one "
        + "fail every TLS handshake the day it expires.",
    remediation = "Issue the certificate with AWS Certificate Manager (aws_acm_certificate / "
        + "AWS::CertificateManager::Certificate with DNS validation) and reference it instead.",
    tags = {"aws", "iam", "tls", "certificate"},
    references = {
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html",
        "https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html"})
public final class IamServerCertificate implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.IAM_SERVER_CERTIFICATE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    report.at(r, Value.absent(), "%s is an IAM server certificate: it is uploaded by hand and never renewed, so "
        + "every listener using it fails when it expires", r.address());
  }
}
