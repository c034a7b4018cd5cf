package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.SEARCH_REPLICAS;
import static io.spofscan.rules.catalog.Attrs.SEARCH_SKU;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;
import io.spofscan.rules.support.Verdict;

@RuleInfo(
    id = "SPOF-AZSEARCH-001",
    title = "Azure AI Search service with a single replica",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "A search service with one replica (replica_count not set defaults to 1) serves every query from "
        + "one copy of its indexes: a node failure or a service update makes search unavailable, and it has no "
        + "SLA. Two replicas give a read SLA and survive one node; three give the read-write SLA.",
    remediation = "Set replica_count = 2 (3 for an indexing SLA as well) on the azurerm_search_service; replicas are "
        + "spread over zones automatically in regions that have them.",
    tags = {"azure", "search", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/search/search-reliability",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/search_service"})
public final class SearchServiceSingleReplica implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AZURE_SEARCH);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    if (Values.lower(r.attr(SEARCH_SKU)).map("free"::equals).orElse(false)) {
      return; // the shared free tier cannot add replicas
    }
    Verdict v = Verdict.of(r);
    v.atLeast(SEARCH_REPLICAS, 1, 2, "replica");
    v.report(report, "serves every query from one replica", "may serve every query from one replica");
  }
}
