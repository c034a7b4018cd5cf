package io.spofscan.cli;

import io.spofscan.core.rule.Rule;
import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.suppress.MetaRules;
import java.util.ArrayList;
import java.util.List;

/** The rules a scan runs: the built-in registry, plus the metadata of the suppression meta-rules. */
final class RuleCatalog {
  private RuleCatalog() {}

  private static final String REGISTRY = "io.spofscan.rules.BuiltInRules";

  /** {@code BuiltInRules.ALL}; looked up by name so this module builds before the rules module has a registry. */
  static List<Rule> builtIn() {
    try {
      Object all = Class.forName(REGISTRY).getField("ALL").get(null);
      List<Rule> rules = new ArrayList<>();
      for (Object o : (List<?>) all) {
        rules.add((Rule) o);
      }
      return List.copyOf(rules);
    } catch (ClassNotFoundException e) {
      return List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + REGISTRY + ".ALL", e);
    }
  }

  /** Metadata of every rule spofscan can report, built-in rules first. */
  static List<RuleMeta> allMetas() {
    List<RuleMeta> metas = new ArrayList<>();
    builtIn().forEach(r -> metas.add(r.meta()));
    metas.addAll(MetaRules.ALL);
    return metas;
  }
}
