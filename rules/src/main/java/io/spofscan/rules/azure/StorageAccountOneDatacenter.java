package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.STORAGE_REPLICATION;

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
    id = "SPOF-AZSTORAGE-001",
    title = "Storage account keeps its primary copies in one datacenter (LRS, GRS, RA-GRS)",
    severity = Severity.LOW,
    formats = {Format.TERRAFORM},
    rationale = "LRS keeps the three copies of the data in one datacenter of one zone; GRS and RA-GRS add a copy in "
        + "the paired region but the primary is still LRS. A zone outage makes the account unavailable for "
        + "writes (and, except RA-GRS, for reads) until it recovers or someone fails over to the secondary region.",
    remediation = "Use account_replication_type = \"ZRS\" (or \"GZRS\" / \"RAGZRS\" to keep a copy in the paired "
        + "region as well); the replication type can be converted in place for most account kinds.",
    tags = {"azure", "storage", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/storage/common/storage-redundancy",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account"})
public final class StorageAccountOneDatacenter implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.STORAGE_ACCOUNT);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict v = Verdict.of(r);
    v.oneOf(STORAGE_REPLICATION, null, Set.of("lrs", "grs", "ragrs"),
        "its primary copies are all in one datacenter, so a zone outage makes the account unavailable (with GRS "
            + "and RA-GRS until a failover to the paired region)");
    v.report(report, "is not zone redundant", "may not be zone redundant");
  }
}
