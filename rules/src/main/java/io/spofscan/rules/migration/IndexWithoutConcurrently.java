package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;

@RuleInfo(
    id = "SPOF-MIGRATION-002",
    title = "Index built or rebuilt without CONCURRENTLY on an existing PostgreSQL table",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "CREATE INDEX takes a SHARE lock and REINDEX an ACCESS EXCLUSIVE lock on the index (SHARE on the "
        + "table) for the whole build: every INSERT, UPDATE and DELETE on the table waits, for minutes on a large "
        + "table.",
    remediation = "CREATE INDEX CONCURRENTLY / REINDEX ... CONCURRENTLY, outside a transaction (disable the "
        + "migration tool's transaction for that file).",
    tags = {"migration", "lock", "postgresql"},
    references = {"https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY",
        "https://squawkhq.com/docs/require-concurrent-index-creation"})
public final class IndexWithoutConcurrently extends MigrationRule {

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    boolean create = s.kind().equals("CREATE INDEX");
    boolean reindex = s.kind().equals("REINDEX");
    if (!create && !reindex || s.flag("concurrently") || s.onNewTable() || s.dialect().equals(Migrations.MYSQL)) {
      return;
    }
    String target = s.tableName().isEmpty() ? "" : " " + s.tableName();
    String lock = create ? "a SHARE lock on table" + target + ": every INSERT, UPDATE and DELETE on it waits"
        : "an ACCESS EXCLUSIVE lock on the index (SHARE on" + (target.isEmpty() ? " its table" : target)
            + "): writes, and reads using the index, wait";
    if (s.dialect().equals(Migrations.UNKNOWN)) {
      report.unknown(s.migration(), s.at(), "%s without CONCURRENTLY: %sit holds %s for the whole build "
          + "(MySQL builds secondary indexes online)", s.kind(), Migrations.dialectUnknownNote(), lock);
    } else {
      report.at(s.migration(), s.at(), "%s without CONCURRENTLY holds %s for the whole build; use %s CONCURRENTLY",
          s.kind(), lock, s.kind());
    }
  }
}
