package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.APPGW_AUTOSCALE_MIN;
import static io.spofscan.rules.catalog.Attrs.APPGW_CAPACITY;
import static io.spofscan.rules.catalog.Attrs.APPGW_SKU_NAME;
import static io.spofscan.rules.catalog.Attrs.AZURE_ZONES;

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

@RuleInfo(
    id = "SPOF-APPGW-001",
    title = "Application Gateway pinned to one zone or (v1) running one instance",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "An Application Gateway v2 whose zones list names one zone keeps every instance in that zone, so a "
        + "zone outage stops all traffic it fronts. A v1 gateway (Standard_*/WAF_* sizes) with capacity 1 is a "
        + "single instance with no SLA: its failure or an update stops the gateway.",
    remediation = "Set zones = [\"1\", \"2\", \"3\"] on a Standard_v2 / WAF_v2 gateway (zones are chosen at "
        + "creation), and move v1 gateways to v2 (or give them sku.capacity = 2 or more).",
    tags = {"azure", "application-gateway", "load-balancing", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/reliability/reliability-application-gateway-v2",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway"})
public final class ApplicationGatewaySingleInstance implements ResourceRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.APPLICATION_GATEWAY);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value sku = r.attr(APPGW_SKU_NAME);
    if (sku.isUnknown()) {
      return; // v1 and v2 differ in everything judged here
    }
    String name = sku.asString().map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    boolean v2 = name.endsWith("_v2") || name.equals("basic");
    Verdict v = Verdict.of(r);
    if (v2) {
      // Without zones, v2 keeps at least two instances and Azure decides their zones: only a single zone is wrong.
      Value zones = r.attr(AZURE_ZONES);
      if (zones.isUnknown()) {
        v.unknown(zones, "whether every instance is in one zone (zones)");
      } else if (zones.items().size() == 1 && zones.items().get(0).isKnown()) {
        v.definite(zones, "every instance is pinned to one availability zone (zones = [%s]), so a zone outage "
            + "stops the gateway", zones.items().get(0).describe());
      }
    } else if (!name.isEmpty() && !Values.present(r.attr(APPGW_AUTOSCALE_MIN))) {
      v.atLeast(APPGW_CAPACITY, -1, 2, "instance");
    }
    v.report(report, "is a single point of failure for the traffic it fronts",
        "may be a single point of failure for the traffic it fronts");
  }
}
