package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.AZURE_SKU_NAME;
import static io.spofscan.rules.catalog.Attrs.AZURE_ZONES;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.rules.support.Verdict;
import java.util.Set;

@RuleInfo(
    id = "SPOF-AZREDIS-001",
    title = "Azure Cache for Redis on the Basic SKU or pinned to one zone",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A Basic cache is one Redis node with no replica and no SLA: a node failure or patching restarts it "
        + "empty. A Standard or Premium cache whose zones list names a single zone keeps its primary and replica "
        + "in that zone, so a zone outage stops both.",
    remediation = "Use sku_name = \"Standard\" or \"Premium\" (a replica with automatic failover) and, in regions "
        + "with zones, zones = [\"1\", \"2\", \"3\"] or no zones list so Azure allocates zones automatically.",
    tags = {"azure", "redis", "cache", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-high-availability",
        "https://learn.microsoft.com/azure/reliability/migrate-cache-redis",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache"})
public final class RedisCacheWithoutReplica implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AZURE_REDIS);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict v = Verdict.of(r);
    String sku = v.oneOf(AZURE_SKU_NAME, null, Set.of("basic"),
        "it is a single node with no replica, so a node failure or patching stops the cache and empties it");
    if (!v.hasDefinite()) {
      // No zones list lets Azure allocate zones automatically where the region has them: only one zone is wrong.
      Value zones = r.attr(AZURE_ZONES);
      if (zones.isUnknown()) {
        if (!sku.equals("basic")) {
          v.unknown(zones, "whether its nodes share one zone (zones)");
        }
      } else if (zones.items().size() == 1 && zones.items().get(0).isKnown()) {
        v.definite(zones, "its primary and replica are pinned to one availability zone (zones = [%s]), so a zone "
            + "outage stops both", zones.items().get(0).describe());
      }
    }
    v.report(report, "is a single point of failure", "may be a single point of failure");
  }
}
