package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.AZURE_CREATE_MODE;
import static io.spofscan.rules.catalog.Attrs.AZURE_SKU_NAME;
import static io.spofscan.rules.catalog.Attrs.AZURE_ZONE_REDUNDANT;
import static io.spofscan.rules.catalog.Attrs.SQL_EDITION;
import static io.spofscan.rules.catalog.Attrs.SQL_ELASTIC_POOL_ID;
import static io.spofscan.rules.catalog.Attrs.SQL_ELASTIC_POOL_NAME;
import static io.spofscan.rules.catalog.Attrs.SQL_POOL_TIER;

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
import io.spofscan.rules.support.Verdict;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "SPOF-AZSQL-001",
    title = "Azure SQL database or elastic pool not zone redundant",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "A General Purpose, Business Critical, Premium or Hyperscale database (or elastic pool) without "
        + "zone_redundant keeps its compute and replicas in one availability zone: a zone outage makes the "
        + "database unavailable until Azure recovers it there. zone_redundant spreads them over the region's "
        + "zones.",
    remediation = "Set zone_redundant = true on the azurerm_mssql_database (or on its azurerm_mssql_elasticpool); "
        + "Basic and Standard (DTU) databases cannot be zone redundant: move them to General Purpose or higher.",
    tags = {"azure", "sql", "database", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/azure-sql/database/high-availability-sla-local-zone-redundancy",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database"})
public final class SqlNotZoneRedundant implements ResourceRule {

  /** Replicas of another database take their availability from the configuration they are created with. */
  private static final Set<String> COPIES = Set.of("secondary", "onlinesecondary");

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AZURE_SQL_DATABASE) || r.is(Kinds.AZURE_SQL_ELASTIC_POOL);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    boolean pool = r.is(Kinds.AZURE_SQL_ELASTIC_POOL);
    if (!pool) {
      if (Values.present(r.attr(SQL_ELASTIC_POOL_ID)) || Values.present(r.attr(SQL_ELASTIC_POOL_NAME))) {
        return; // the elastic pool decides
      }
      if (Values.lower(r.attr(AZURE_CREATE_MODE)).map(COPIES::contains).orElse(false)) {
        return;
      }
    }
    Value sku = pool ? r.attr(SQL_POOL_TIER) : Values.present(r.attr(AZURE_SKU_NAME)) ? r.attr(AZURE_SKU_NAME)
        : r.attr(SQL_EDITION);
    if (sku.isUnknown()) {
      return; // a Basic/Standard tier cannot be zone redundant: an unknown tier leaves nothing to say
    }
    // azurerm_mssql_database defaults to GP_Gen5_2 (General Purpose), which supports zone redundancy.
    String tier = sku.asString().map(s -> s.toUpperCase(Locale.ROOT)).orElse(pool ? "" : "GP");
    if (!supportsZoneRedundancy(tier)) {
      return;
    }
    Verdict v = Verdict.of(r);
    v.requireTrue(AZURE_ZONE_REDUNDANT, false, "its compute and replicas stay in one availability zone, so a zone "
        + "outage stops the " + (pool ? "pool's databases" : "database"));
    v.report(report, "is not zone redundant", "may not be zone redundant");
  }

  /** vCore General Purpose / Business Critical / Hyperscale and DTU Premium; not Basic, Standard or serverless DW. */
  static boolean supportsZoneRedundancy(String tier) {
    Optional<String> t = Optional.of(tier);
    return t.filter(s -> s.startsWith("GP") || s.startsWith("BC") || s.startsWith("HS") || s.matches("P[0-9]+")
        || s.equals("GENERALPURPOSE") || s.equals("BUSINESSCRITICAL") || s.equals("HYPERSCALE")
        || s.equals("PREMIUM")).isPresent();
  }
}
