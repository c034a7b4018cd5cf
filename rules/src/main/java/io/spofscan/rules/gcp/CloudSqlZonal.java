package io.spofscan.rules.gcp;

import static io.spofscan.rules.catalog.Attrs.AVAILABILITY_TYPE;
import static io.spofscan.rules.catalog.Attrs.CLOUD_SQL_MASTER;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.rules.modules.ModuleAwareRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Links;
import io.spofscan.rules.support.Values;
import java.util.Locale;

@RuleInfo(
    id = "SPOF-CLOUDSQL-001",
    title = "Cloud SQL instance is zonal, not regional",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM},
    rationale = "A ZONAL Cloud SQL instance has no standby in another zone: a zone outage or an instance failure "
        + "makes the database unavailable until it is recovered.",
    remediation = "Set settings.availability_type = \"REGIONAL\" so Cloud SQL keeps a standby in a second zone and "
        + "fails over automatically.",
    tags = {"gcp", "cloud-sql", "database", "availability-zone"},
    references = {
        "https://cloud.google.com/sql/docs/mysql/high-availability",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance"},
    aliases = {"SPOF-RDS-002"})
public final class CloudSqlZonal implements ModuleAwareRule {

  /**
   * Whether another instance of the scan is this one's legacy failover replica: its master_instance_name refers to
   * this instance (a reference or the same literal name) and replica_configuration.failover_target is true.
   */
  private static Truth legacyFailoverReplica(Resource primary, Model model) {
    java.util.Optional<String> name = primary.attr("name").asString();
    Truth result = Truth.FALSE;
    for (Resource other : model.all(Kinds.CLOUD_SQL_INSTANCE)) {
      if (other == primary) {
        continue;
      }
      Value master = other.attr(CLOUD_SQL_MASTER);
      boolean points = Links.references(other, primary)
          || (name.isPresent() && master.asString().map(name.get()::equals).orElse(false));
      if (points) {
        result = result.or(other.attr("replica_configuration.failover_target").truth(false));
      }
    }
    return result;
  }

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.CLOUD_SQL_INSTANCE);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Value master = r.attr(CLOUD_SQL_MASTER);
    if (Values.present(master) && master.isKnown()) {
      return; // a read replica; its primary carries the availability setting
    }
    if (master.isUnknown() && model.all(Kinds.CLOUD_SQL_INSTANCE).stream()
        .anyMatch(other -> other != r && Links.references(r, other))) {
      return; // a replica of an instance of the scan, named by reference (known only after apply)
    }
    Value type = r.attr(AVAILABILITY_TYPE);
    if (type.isUnknown()) {
      report.unknown(r, type, "%s may be zonal: availability_type depends on %s", r.address(), Values.why(type));
      return;
    }
    String value = type.asString().map(s -> s.toUpperCase(Locale.ROOT)).orElse("ZONAL");
    if (value.equals("REGIONAL")) {
      return;
    }
    if (master.isUnknown()) {
      report.unknown(r, type, "%s is zonal unless it is a read replica, which depends on %s", r.address(),
          Values.why(master));
      return;
    }
    Truth legacyFailover = legacyFailoverReplica(r, model);
    if (legacyFailover == Truth.TRUE) {
      return; // the legacy HA configuration: a failover replica in another zone takes over
    }
    if (legacyFailover == Truth.UNKNOWN) {
      report.unknown(r, type, "%s is zonal unless its replica is a failover target, which depends on an unresolved "
          + "replica_configuration.failover_target", r.address());
      return;
    }
    report.at(r, type, "%s is a zonal Cloud SQL instance (availability_type %s): a zone outage stops the "
        + "database, with no standby to fail over to", r.address(), type.isAbsent() ? "not set, default ZONAL"
        : "is " + value);
  }
}
