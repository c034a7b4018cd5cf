package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;

@RuleInfo(
    id = "SPOF-MIGRATION-004",
    title = "Constraint added to an existing PostgreSQL table is validated under a blocking lock",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "ADD FOREIGN KEY scans the table under SHARE ROW EXCLUSIVE locks on both tables (writes to both "
        + "wait), ADD CHECK scans it under ACCESS EXCLUSIVE (everything waits), and ADD PRIMARY KEY / UNIQUE builds "
        + "an index under ACCESS EXCLUSIVE, for as long as the table takes to read.",
    remediation = "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later transaction (it takes only "
        + "SHARE UPDATE EXCLUSIVE); for PRIMARY KEY / UNIQUE, CREATE UNIQUE INDEX CONCURRENTLY and then "
        + "ADD CONSTRAINT ... USING INDEX.",
    tags = {"migration", "lock", "postgresql"},
    references = {"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-VALIDATE-CONSTRAINT",
        "https://squawkhq.com/docs/adding-foreign-key-constraint"})
public final class ConstraintValidatedUnderLock extends MigrationRule {

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    if (!s.kind().equals("ALTER TABLE") || s.onNewTable() || s.dialect().equals(Migrations.MYSQL)) {
      return;
    }
    for (Value a : Migrations.actions(s)) {
      if (!Migrations.action(a).equals("ADD CONSTRAINT")) {
        continue;
      }
      String constraint = Migrations.str(a, "constraint");
      String message = switch (constraint) {
        case "FOREIGN KEY", "CHECK" -> Migrations.flag(a, "notValid") ? null
            : "ADD " + constraint + " on " + s.tableName() + " without NOT VALID scans the whole table under "
                + (constraint.equals("CHECK") ? "an ACCESS EXCLUSIVE lock (no read or write runs)"
                    : "SHARE ROW EXCLUSIVE locks on it and the referenced table (their writes wait)")
                + "; add it NOT VALID, then VALIDATE CONSTRAINT separately";
        case "PRIMARY KEY", "UNIQUE" -> Migrations.flag(a, "usingIndex") ? null
            : "ADD " + constraint + " on " + s.tableName() + " builds its index under an ACCESS EXCLUSIVE lock (no "
                + "read or write runs); CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX";
        default -> null;
      };
      if (message == null) {
        continue;
      }
      if (s.dialect().equals(Migrations.UNKNOWN) && !constraint.equals("CHECK")) {
        report.unknown(s.migration(), a.get("constraint"), "%s%s", Migrations.dialectUnknownNote(), message);
      } else {
        report.at(s.migration(), a.get("constraint"), "%s", message);
      }
    }
  }
}
