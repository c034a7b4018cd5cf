package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.util.Set;

@RuleInfo(
    id = "SPOF-MIGRATION-005",
    title = "Migration locks a table explicitly",
    severity = Severity.MEDIUM,
    formats = {Format.SQL},
    rationale = "LOCK TABLE (PostgreSQL, ACCESS EXCLUSIVE unless another mode is named) or LOCK TABLES ... WRITE "
        + "(MySQL) stops other sessions' writes, and with the strongest modes their reads, until the migration "
        + "commits or unlocks.",
    remediation = "Drop the explicit lock and use statements that take weaker locks (CONCURRENTLY, NOT VALID, "
        + "batched backfills); if a lock is unavoidable, set lock_timeout and keep the transaction short.",
    tags = {"migration", "lock", "postgresql", "mysql"},
    references = {"https://www.postgresql.org/docs/current/sql-lock.html",
        "https://dev.mysql.com/doc/refman/8.0/en/lock-tables.html"})
public final class ExplicitTableLock extends MigrationRule {
  /** Modes that let other sessions keep writing: no outage. */
  private static final Set<String> WEAK = Set.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
      "READ");

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    if (!s.kind().equals("LOCK TABLE") || s.onNewTable()) {
      return;
    }
    String mode = s.facts().get("mode").asString().orElse("ACCESS EXCLUSIVE");
    if (WEAK.contains(mode)) {
      return;
    }
    report.at(s.migration(), s.facts().get("mode"), "LOCK on table %s in %s mode: other sessions' %s wait until "
        + "the migration commits", s.tableName(), mode, mode.equals("ACCESS EXCLUSIVE") || mode.equals("WRITE")
        ? "reads and writes" : "writes");
  }
}
