package io.spofscan.cli;

import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleAliases;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.suppress.MetaRules;
import io.spofscan.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.List;

/** The rules a scan runs: the built-in registry, plus the metadata of the suppression meta-rules. */
final class RuleCatalog {
  private RuleCatalog() {}

  static List<Rule> builtIn() {
    return BuiltInRules.ALL;
  }

  /** Metadata of every rule spofscan can report, built-in rules first. */
  static List<RuleMeta> allMetas() {
    List<RuleMeta> metas = new ArrayList<>();
    builtIn().forEach(r -> metas.add(r.meta()));
    metas.addAll(MetaRules.ALL);
    return metas;
  }

  /** Former ids of merged rules, resolved to the rule that now reports them. */
  static RuleAliases aliases() {
    return ALIASES;
  }

  private static final RuleAliases ALIASES = RuleAliases.of(allMetas());
}
