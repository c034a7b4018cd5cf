package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.util.Set;

@RuleInfo(
    id = "SPOF-MIGRATION-007",
    title = "MySQL ALTER TABLE that copies the table, without ALGORITHM=INPLACE/INSTANT and LOCK=NONE",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "Changing a column's type or character set, the engine, the primary key, or adding a foreign key "
        + "with foreign_key_checks on runs as ALGORITHM=COPY: MySQL holds a shared metadata lock that blocks every "
        + "write for the whole copy (and an exclusive one at its start and end). Without ALGORITHM/LOCK clauses it "
        + "picks that silently.",
    remediation = "Write ALGORITHM=INPLACE (or INSTANT), LOCK=NONE so MySQL refuses instead of locking, and run "
        + "operations that must copy with an online schema-change tool (gh-ost, pt-online-schema-change).",
    tags = {"migration", "lock", "mysql"},
    references = {"https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html",
        "https://github.com/github/gh-ost"})
public final class MysqlCopyingAlter extends MigrationRule {
  private static final Set<String> COPYING = Set.of("MODIFY COLUMN", "CONVERT CHARACTER SET", "ENGINE",
      "DROP PRIMARY KEY");

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    if (!s.kind().equals("ALTER TABLE") || s.onNewTable() || s.dialect().equals(Migrations.POSTGRESQL)) {
      return;
    }
    String algorithm = s.facts().get("algorithm").asString().orElse("");
    String lock = s.facts().get("lock").asString().orElse("");
    if ((algorithm.equals("INPLACE") || algorithm.equals("INSTANT")) || lock.equals("NONE")) {
      return; // MySQL refuses the statement instead of copying under a lock
    }
    for (Value a : Migrations.actions(s)) {
      String action = Migrations.action(a);
      boolean copies = COPYING.contains(action)
          || action.equals("ADD CONSTRAINT") && Migrations.str(a, "constraint").equals("FOREIGN KEY")
          && s.dialect().equals(Migrations.MYSQL);
      if (!copies) {
        continue;
      }
      String what = action.equals("MODIFY COLUMN") ? "changing column " + Migrations.str(a, "column")
          : action.equals("ADD CONSTRAINT") ? "adding a foreign key" : action.toLowerCase();
      String message = what + " of " + s.tableName() + " makes MySQL copy the table (ALGORITHM=COPY) holding a "
          + "metadata lock that blocks every write until the copy ends; add ALGORITHM=INPLACE, LOCK=NONE (MySQL "
          + "then refuses instead of locking) or use gh-ost / pt-online-schema-change";
      if (action.equals("MODIFY COLUMN") && Migrations.str(a, "type").equals("VARCHAR")) {
        report.unknown(s.migration(), a.get("action"), "%s, unless it only lengthens a VARCHAR within the same "
            + "length-byte size, which depends on the column's current type", message);
      } else {
        report.at(s.migration(), a.get("action"), "%s", message);
      }
      return;
    }
  }
}
