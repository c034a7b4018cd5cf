package io.spofscan.rules.migration;

import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.Rule;

/** A rule judging migration statements one at a time, on PostgreSQL, MySQL and unknown-dialect migrations. */
abstract class MigrationRule implements Rule {

  @Override
  public final void check(Model model, Reporter report) {
    for (Resource r : Migrations.migrations(model)) {
      if (!Migrations.judged(r)) {
        continue;
      }
      for (Migrations.Stmt s : Migrations.statements(r)) {
        check(s, report);
      }
    }
  }

  abstract void check(Migrations.Stmt s, Reporter report);
}
