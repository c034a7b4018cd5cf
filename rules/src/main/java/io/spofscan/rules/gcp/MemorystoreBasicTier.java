package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.MEMORYSTORE_TIER;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.rules.support.Verdict;
import java.util.Set;

@RuleInfo(
    id = "SPOF-MEMORYSTORE-001",
    title = "Memorystore for Redis instance on the BASIC tier (no replica)",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A BASIC tier instance is one Redis node in one zone with no replica: a node failure, a zone outage "
        + "or maintenance makes the cache unavailable and loses its data; STANDARD_HA keeps a replica in another "
        + "zone and fails over automatically.",
    remediation = "Set tier = \"STANDARD_HA\" (and optionally replica_count / read_replicas_mode) on the "
        + "google_redis_instance; changing the tier recreates the instance.",
    tags = {"gcp", "memorystore", "redis", "cache", "availability-zone"},
    references = {
        "https://cloud.google.com/memorystore/docs/redis/high-availability-for-memorystore-for-redis",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance#tier",
        "https://registry.terraform.io/modules/terraform-google-modules/memorystore/google/latest"})
public final class MemorystoreBasicTier implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.MEMORYSTORE_REDIS);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict v = Verdict.of(r);
    v.oneOf(MEMORYSTORE_TIER, "BASIC", Set.of("basic"),
        "it is a single Redis node with no replica, so a node or zone failure stops the cache and loses its data");
    v.report(report, "has no replica", "may have no replica");
  }
}
