package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.FILESTORE_TIER;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Verdict;
import java.util.Set;

@RuleInfo(
    id = "SPOF-FILESTORE-001",
    title = "Filestore instance on a zonal tier",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "Basic (BASIC_HDD, BASIC_SSD and their old names STANDARD, PREMIUM), HIGH_SCALE_SSD and ZONAL "
        + "Filestore instances keep the file share in one zone: a zone outage makes it unavailable to every "
        + "client that mounts it. REGIONAL and ENTERPRISE instances replicate it synchronously across zones.",
    remediation = "Use tier = \"REGIONAL\" (or \"ENTERPRISE\") for shares that must survive a zone outage; the "
        + "tier cannot be changed in place, so create a regional instance and copy the data.",
    tags = {"gcp", "filestore", "storage", "availability-zone"},
    references = {
        "https://cloud.google.com/filestore/docs/service-tiers",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/filestore_instance#tier"})
public final class FilestoreZonalTier implements ResourceRule {

  static final Set<String> ZONAL_TIERS = Set.of("basic_hdd", "basic_ssd", "standard", "premium", "high_scale_ssd",
      "zonal");

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.FILESTORE_INSTANCE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict v = Verdict.of(r);
    v.oneOf(FILESTORE_TIER, null, ZONAL_TIERS,
        "the file share lives in one zone, so a zone outage makes it unavailable to every client");
    v.report(report, "is zonal", "may be zonal");
  }
}
