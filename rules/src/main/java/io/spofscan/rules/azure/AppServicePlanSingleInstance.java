package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.APP_SERVICE_ENVIRONMENT;
import static io.spofscan.rules.catalog.Attrs.APP_SERVICE_WORKERS;
import static io.spofscan.rules.catalog.Attrs.APP_SERVICE_ZONE_BALANCING;
import static io.spofscan.rules.catalog.Attrs.AUTOSCALE_MINIMUM;
import static io.spofscan.rules.catalog.Attrs.AZURE_SKU_NAME;
import static io.spofscan.rules.catalog.Attrs.AZURE_ZONE_REDUNDANT;
import static io.spofscan.rules.catalog.Attrs.LEGACY_PLAN_CAPACITY;
import static io.spofscan.rules.catalog.Attrs.LEGACY_PLAN_SIZE;
import static io.spofscan.rules.catalog.Attrs.LEGACY_PLAN_TIER;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import io.spofscan.rules.support.Verdict;
import java.util.List;
import java.util.Locale;

@RuleInfo(
    id = "SPOF-APPSERVICE-001",
    title = "App Service plan runs one instance or is not zone balanced",
    severity = Severity.MEDIUM,
    formats = {Format.TERRAFORM},
    rationale = "Every app on an App Service plan runs on the plan's workers: with one worker (worker_count not "
        + "set defaults to 1, and no autoscale setting raises the minimum) a worker failure, platform upgrade or "
        + "restart stops every app on it. On Premium v2/v3/v4, Isolated v2, Elastic Premium and Workflow Standard "
        + "plans, zone_balancing_enabled off leaves the workers free to sit in one availability zone.",
    remediation = "Set worker_count = 2 or more (or an azurerm_monitor_autoscale_setting with capacity minimum >= "
        + "2) and zone_balancing_enabled = true on azurerm_service_plan (zone_redundant and sku.capacity on the "
        + "legacy azurerm_app_service_plan); zone balancing is chosen when the plan is created.",
    tags = {"azure", "app-service", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/reliability/reliability-app-service",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/service_plan"})
public final class AppServicePlanSingleInstance implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.APP_SERVICE_PLAN);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    boolean legacy = r.type().equals("azurerm_app_service_plan");
    Value skuValue = legacy ? (Values.present(r.attr(LEGACY_PLAN_SIZE)) ? r.attr(LEGACY_PLAN_SIZE)
        : r.attr(LEGACY_PLAN_TIER)) : r.attr(AZURE_SKU_NAME);
    String sku = skuValue.asString().map(s -> s.toUpperCase(Locale.ROOT)).orElse("");
    String tier = legacy ? r.attr(LEGACY_PLAN_TIER).asString().map(s -> s.toUpperCase(Locale.ROOT)).orElse("")
        : "";
    if (skuValue.isUnknown() || serverless(sku, tier)) {
      return; // consumption and free/shared plans have no workers of their own to count
    }
    Verdict v = Verdict.of(r);
    Attr workers = legacy ? LEGACY_PLAN_CAPACITY : APP_SERVICE_WORKERS;
    List<Resource> autoscale = model.all(Kinds.AUTOSCALE_SETTING).stream()
        .filter(a -> Links.references(a, r)).toList();
    if (autoscale.isEmpty()) {
      v.atLeast(workers, 1, 2, "worker");
    } else {
      Value min = autoscale.get(0).attr(AUTOSCALE_MINIMUM);
      if (min.isUnknown()) {
        v.unknown(r.attr(workers), "its minimum worker count (" + autoscale.get(0).address()
            + " profile.capacity.minimum)");
      } else if (min.asLong().isPresent() && min.asLong().getAsLong() < 2) {
        v.definite(r.attr(workers), "it may scale in to %s (%s profile.capacity.minimum = %d)",
            Values.plural(min.asLong().getAsLong(), "worker"), autoscale.get(0).address(), min.asLong().getAsLong());
      }
    }
    // In an App Service Environment the environment's zone redundancy decides.
    if (zoneCapable(legacy ? tier : sku) && !Values.present(r.attr(APP_SERVICE_ENVIRONMENT))) {
      v.requireTrue(legacy ? AZURE_ZONE_REDUNDANT : APP_SERVICE_ZONE_BALANCING, false,
          "its workers are not spread over availability zones, so one zone's outage can stop every app on it");
    }
    v.report(report, "is a single point of failure for its apps", "may be a single point of failure for its apps");
  }

  private static boolean serverless(String sku, String tier) {
    return sku.startsWith("Y") || sku.startsWith("FC") || sku.equals("F1") || sku.equals("D1")
        || sku.equals("FREE") || sku.equals("SHARED") || sku.equals("DYNAMIC") || tier.equals("DYNAMIC")
        || tier.equals("FREE") || tier.equals("SHARED");
  }

  /** Premium v2/v3/v4 (P1v3, P1mv3), Isolated v2, Elastic Premium and Workflow Standard support zone balancing. */
  private static boolean zoneCapable(String sku) {
    return sku.matches("P[0-9]+M?V[234]") || sku.matches("I[0-9]+M?V2") || sku.startsWith("EP")
        || sku.startsWith("WS") || sku.equals("PREMIUMV2") || sku.equals("PREMIUMV3") || sku.equals("ELASTICPREMIUM")
        || sku.equals("ISOLATEDV2");
  }
}
