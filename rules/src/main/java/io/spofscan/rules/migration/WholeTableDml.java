package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;

@RuleInfo(
    id = "SPOF-MIGRATION-001",
    title = "Migration updates or deletes every row of a table in one statement",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "An UPDATE or DELETE without WHERE locks every row of the table until the migration commits "
        + "(PostgreSQL: ROW EXCLUSIVE on the table plus a row lock on each row; MySQL/InnoDB: an exclusive lock on "
        + "every row scanned), so every write to that table waits for the whole backfill, and the deploy waits too.",
    remediation = "Backfill in batches outside the schema migration: UPDATE ... WHERE id BETWEEN x AND y (or a "
        + "LIMITed loop), one short transaction per batch.",
    tags = {"migration", "lock", "postgresql", "mysql"},
    references = {"https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-ROWS",
        "https://github.com/ankane/strong_migrations#backfilling-data"})
public final class WholeTableDml extends MigrationRule {

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    if (!s.kind().equals("UPDATE") && !s.kind().equals("DELETE") || s.flag("where") || s.onNewTable()
        || s.tableName().isEmpty()) {
      return;
    }
    report.at(s.migration(), s.at(), "%s of every row of table %s in one statement: it holds a lock on each row "
        + "(PostgreSQL ROW EXCLUSIVE + row locks, MySQL InnoDB row locks) until the migration commits, so every "
        + "write to %s waits for the whole statement; backfill in batches instead", s.kind(), s.tableName(),
        s.tableName());
  }
}
