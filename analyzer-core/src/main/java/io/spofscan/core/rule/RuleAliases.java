package io.spofscan.core.rule;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Former rule ids and the rule that now reports their findings. Whatever names a rule (a suppression, a baseline
 * entry, a configuration entry, a selector) resolves the name here first, so an alias means its rule.
 */
public final class RuleAliases {
  private static final RuleAliases NONE = new RuleAliases(Map.of());
  private final Map<String, String> idOfAlias;

  private RuleAliases(Map<String, String> idOfAlias) {
    this.idOfAlias = Map.copyOf(idOfAlias);
  }

  public static RuleAliases none() {
    return NONE;
  }

  public static RuleAliases of(Collection<RuleMeta> rules) {
    Map<String, String> map = new HashMap<>();
    for (RuleMeta m : rules) {
      for (String alias : m.aliases()) {
        String before = map.put(alias, m.id());
        if (before != null && !before.equals(m.id())) {
          throw new IllegalStateException(alias + " is an alias of both " + before + " and " + m.id());
        }
      }
    }
    return new RuleAliases(map);
  }

  /** The id a name means: the rule an alias was merged into, else the name itself. */
  public String canonical(String name) {
    return idOfAlias.getOrDefault(name, name);
  }

  /** Whether {@code name} is an alias (not itself a current id). */
  public boolean isAlias(String name) {
    return idOfAlias.containsKey(name);
  }
}
