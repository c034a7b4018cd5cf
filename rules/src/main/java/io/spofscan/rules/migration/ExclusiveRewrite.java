package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;

@RuleInfo(
    id = "SPOF-MIGRATION-006",
    title = "VACUUM FULL or CLUSTER rewrites a PostgreSQL table under ACCESS EXCLUSIVE",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "VACUUM FULL and CLUSTER copy the whole table and its indexes while holding an ACCESS EXCLUSIVE "
        + "lock: no read or write of the table runs until the copy is done.",
    remediation = "Use plain VACUUM (no exclusive lock), or an online repack tool (pg_repack, pg_squeeze) run "
        + "outside the migration.",
    tags = {"migration", "lock", "postgresql"},
    references = {"https://www.postgresql.org/docs/current/sql-vacuum.html",
        "https://www.postgresql.org/docs/current/sql-cluster.html"})
public final class ExclusiveRewrite extends MigrationRule {

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    boolean vacuumFull = s.kind().equals("VACUUM") && s.flag("full");
    if (!vacuumFull && !s.kind().equals("CLUSTER") || s.onNewTable() || s.dialect().equals(Migrations.MYSQL)) {
      return;
    }
    String what = vacuumFull ? "VACUUM FULL" : "CLUSTER";
    String target = s.tableName().isEmpty() ? (vacuumFull ? "every table of the database" : "every clustered table")
        : "table " + s.tableName();
    report.at(s.migration(), vacuumFull ? s.facts().get("full") : s.at(), "%s rewrites %s under an ACCESS "
        + "EXCLUSIVE lock: no read or write runs until it finishes; use pg_repack or plain VACUUM", what, target);
  }
}
