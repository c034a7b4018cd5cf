package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.util.Set;

@RuleInfo(
    id = "SPOF-MIGRATION-003",
    title = "ALTER TABLE rewrites or scans a PostgreSQL table under an ACCESS EXCLUSIVE lock",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "Changing a column's type, adding a column with a volatile default (or a serial / stored generated "
        + "column) rewrites the whole table, and SET NOT NULL scans it, all under an ACCESS EXCLUSIVE lock: no "
        + "read or write of the table runs until it finishes.",
    remediation = "Add a new column, backfill it in batches and switch over; for NOT NULL add CHECK (col IS NOT "
        + "NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ skips the scan).",
    tags = {"migration", "lock", "postgresql"},
    references = {"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
        "https://squawkhq.com/docs/changing-column-type"})
public final class TableRewrite extends MigrationRule {
  /** Functions PostgreSQL evaluates per row (volatile): a column default calling them rewrites the table. */
  private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
      "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "uuidv7", "uuidv4");
  /** Stable or immutable functions: evaluated once, stored as the column's "missing value", no rewrite (PG 11+). */
  private static final Set<String> STABLE = Set.of("now", "current_timestamp", "current_date", "localtimestamp",
      "transaction_timestamp", "statement_timestamp", "current_user", "lower", "upper", "to_jsonb", "array");
  private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8",
      "SERIAL2");

  @Override
  void check(Migrations.Stmt s, Reporter report) {
    if (!s.kind().equals("ALTER TABLE") || s.onNewTable() || s.dialect().equals(Migrations.MYSQL)) {
      return;
    }
    for (Value a : Migrations.actions(s)) {
      String column = Migrations.str(a, "column");
      switch (Migrations.action(a)) {
        case "ALTER COLUMN TYPE" -> {
          String type = Migrations.str(a, "type");
          String what = "changing the type of %s.%s to %s";
          if (type.equals("TEXT") || type.equals("VARCHAR") || type.equals("CHARACTER")) {
            report.unknown(s.migration(), a.get("typeAt"), what + " takes an ACCESS EXCLUSIVE lock and rewrites the "
                + "table unless the old type is a varchar that converts without a rewrite, which depends on the "
                + "column's current type", s.tableName(), column, type.toLowerCase());
          } else {
            report.at(s.migration(), a.get("typeAt"), what + " rewrites the whole table under an ACCESS EXCLUSIVE "
                + "lock: no read or write of %s runs until it finishes; add a new column and backfill it instead",
                s.tableName(), column, type.toLowerCase(), s.tableName());
          }
        }
        case "ADD COLUMN" -> addColumn(s, a, column, report);
        case "SET NOT NULL" -> {
          if (!provenNotNull(s, column)) {
            report.at(s.migration(), a.get("setNotNullAt"), "SET NOT NULL on %s.%s scans the whole table under an "
                + "ACCESS EXCLUSIVE lock; add CHECK (%s IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL",
                s.tableName(), column, column);
          }
        }
        default -> { }
      }
    }
  }

  private void addColumn(Migrations.Stmt s, Value a, String column, Reporter report) {
    String type = Migrations.str(a, "type");
    String function = Migrations.str(a, "defaultFunction");
    String rewrite = "rewrites the whole table under an ACCESS EXCLUSIVE lock: no read or write of " + s.tableName()
        + " runs until it finishes";
    if (SERIAL.contains(type)) {
      report.at(s.migration(), a.get("type"), "adding %s column %s.%s fills it from a sequence row by row and %s; "
          + "add a nullable column and backfill it in batches", type.toLowerCase(), s.tableName(), column, rewrite);
    } else if (Migrations.flag(a, "generatedStored")) {
      report.at(s.migration(), a.get("generatedStored"), "adding stored generated column %s.%s %s", s.tableName(),
          column, rewrite);
    } else if (VOLATILE.contains(function)) {
      report.at(s.migration(), a.get("default"), "adding %s.%s with volatile default %s() %s; add the column "
          + "without a default, set the default, then backfill in batches", s.tableName(), column, function, rewrite);
    } else if (!function.isEmpty() && !STABLE.contains(function)) {
      report.unknown(s.migration(), a.get("default"), "adding %s.%s with default %s() rewrites the table under an "
          + "ACCESS EXCLUSIVE lock if %s() is volatile, which depends on how the function is declared",
          s.tableName(), column, function, function);
    }
  }

  /** A validated CHECK (column IS NOT NULL) on the table, earlier in the same migration, lets PG 12+ skip the scan. */
  private static boolean provenNotNull(Migrations.Stmt s, String column) {
    java.util.Set<String> checks = new java.util.HashSet<>();
    java.util.Set<String> validated = new java.util.HashSet<>();
    for (Migrations.Stmt other : Migrations.statements(s.migration())) {
      if (other.line() >= s.line()) {
        break;
      }
      if (!other.kind().equals("ALTER TABLE") || !other.tableName().equals(s.tableName())) {
        continue;
      }
      for (Value a : Migrations.actions(other)) {
        if (Migrations.action(a).equals("ADD CONSTRAINT") && Migrations.str(a, "checksNotNull").equals(column)) {
          if (Migrations.flag(a, "notValid")) {
            checks.add(Migrations.str(a, "name"));
          } else {
            return true;
          }
        } else if (Migrations.action(a).equals("VALIDATE CONSTRAINT")) {
          validated.add(Migrations.str(a, "name"));
        }
      }
    }
    checks.retainAll(validated);
    return !checks.isEmpty();
  }
}
