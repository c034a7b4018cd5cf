package io.spofscan.rules.azure;

import static io.spofscan.rules.catalog.Attrs.AZURE_CREATE_MODE;
import static io.spofscan.rules.catalog.Attrs.HIGH_AVAILABILITY;
import static io.spofscan.rules.catalog.Attrs.HIGH_AVAILABILITY_MODE;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Values;

@RuleInfo(
    id = "SPOF-AZDB-001",
    title = "Azure Database flexible server without high availability",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A flexible server without a high_availability block runs a single server with no standby: a "
        + "host or zone failure makes the database unavailable until Azure recovers it.",
    remediation = "Add a high_availability block with mode = \"ZoneRedundant\" (or \"SameZone\" where the region "
        + "has no zones) so a standby server takes over automatically.",
    tags = {"azure", "database", "availability-zone"},
    references = {
        "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-high-availability",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server"},
    aliases = {"SPOF-RDS-003"})
public final class AzureFlexibleServerNoHa implements ModuleAwareRule {

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.AZURE_FLEXIBLE_SERVER);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value createMode = r.attr(AZURE_CREATE_MODE);
    if (Values.lower(createMode).map(m -> m.equals("replica")).orElse(false)) {
      return; // a read replica
    }
    Value ha = r.attr(HIGH_AVAILABILITY);
    if (ha.isUnknown()) {
      report.unknown(r, ha, "%s may run without a standby: high_availability depends on %s", r.address(),
          Values.why(ha));
      return;
    }
    if (ha.isAbsent() || ha.items().isEmpty()) {
      report.at(r, ha, "%s has no high_availability block: a single server with no standby, so a host or zone "
          + "failure stops the database", r.address());
      return;
    }
    Value mode = r.attr(HIGH_AVAILABILITY_MODE);
    if (mode.isUnknown()) {
      report.unknown(r, mode, "%s may run without a standby: high_availability.mode depends on %s", r.address(),
          Values.why(mode));
    }
  }
}
