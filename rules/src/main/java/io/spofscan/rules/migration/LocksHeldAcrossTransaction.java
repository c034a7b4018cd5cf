package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Value;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "SPOF-MIGRATION-008",
    title = "Long statement runs in the same transaction as an ACCESS EXCLUSIVE lock",
    severity = Severity.HIGH,
    formats = {Format.SQL},
    rationale = "PostgreSQL keeps every lock until COMMIT. When an ALTER TABLE (ACCESS EXCLUSIVE, usually brief) "
        + "shares a transaction with a backfill, an index build or a validation, the table stays unreadable and "
        + "unwritable for the whole long statement.",
    remediation = "Commit the ALTER TABLE first: put the long statement in its own migration, or turn off the "
        + "tool's transaction for that file and batch the work.",
    tags = {"migration", "lock", "postgresql", "transaction"},
    references = {"https://www.postgresql.org/docs/current/explicit-locking.html",
        "https://squawkhq.com/docs/prefer-robust-stmts"})
public final class LocksHeldAcrossTransaction implements Rule {
  private static final Set<String> LONG = Set.of("UPDATE", "DELETE", "CREATE INDEX");

  @Override
  public void check(Model model, Reporter report) {
    for (Resource r : Migrations.migrations(model)) {
      if (Migrations.dialect(r).equals(Migrations.MYSQL) || !Migrations.judged(r)) {
        continue;
      }
      Map<String, Migrations.Stmt> exclusiveByTransaction = new HashMap<>();
      Map<String, List<Migrations.Stmt>> longByTransaction = new LinkedHashMap<>();
      for (Migrations.Stmt s : Migrations.statements(r)) {
        String tx = s.transaction().orElse(null);
        if (tx == null || s.onNewTable() || s.tableName().isEmpty()) {
          continue;
        }
        if (exclusiveByTransaction.containsKey(tx) && isLong(s)) {
          longByTransaction.computeIfAbsent(tx, k -> new ArrayList<>()).add(s);
        } else if (!exclusiveByTransaction.containsKey(tx) && s.kind().equals("ALTER TABLE") && takesAccessExclusive(s)) {
          exclusiveByTransaction.put(tx, s);
        }
      }
      // one root cause, one finding: the lock taken first, reported at the first long statement it outlives
      longByTransaction.forEach((tx, longOnes) -> {
        Migrations.Stmt held = exclusiveByTransaction.get(tx);
        Migrations.Stmt first = longOnes.get(0);
        String more = longOnes.size() == 1 ? "" : " (and " + (longOnes.size() - 1) + " more long statement"
            + (longOnes.size() == 2 ? "" : "s") + " after it)";
        report.at(r, first.at(), "%s on %s%s runs in the same transaction as the ALTER TABLE %s at line %d, whose "
            + "ACCESS EXCLUSIVE lock is held until COMMIT: no read or write of %s runs until they end; commit the "
            + "ALTER TABLE first", first.kind(), first.tableName(), more, held.tableName(), held.line(),
            held.tableName());
      });
    }
  }

  private static boolean isLong(Migrations.Stmt s) {
    return LONG.contains(s.kind()) && !s.flag("concurrently");
  }

  /** Every ALTER TABLE action takes ACCESS EXCLUSIVE except these weaker ones. */
  private static boolean takesAccessExclusive(Migrations.Stmt s) {
    for (Value a : Migrations.actions(s)) {
      String action = Migrations.action(a);
      boolean weaker = action.equals("VALIDATE CONSTRAINT")
          || action.equals("ADD CONSTRAINT") && Migrations.str(a, "constraint").equals("FOREIGN KEY");
      if (!weaker) {
        return true;
      }
    }
    return false;
  }
}
