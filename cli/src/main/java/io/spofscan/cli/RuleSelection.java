package io.spofscan.cli;

import io.spofscan.core.rule.RuleMeta;
import io.spofscan.core.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which rules a scan reports: {@code --check} (only these), {@code --skip-check} (not these) and the configuration's
 * {@code rules: ID: off}. A selector is a rule id, a glob ({@code SPOF-K8S-*}) or a severity: in {@code --check},
 * {@code severity:high} selects high and above; in {@code --skip-check}, {@code severity:low} skips low and below
 * (the convention Checkov users know). A selector that matches no rule is an error, so a typo never selects nothing.
 */
record RuleSelection(Set<String> reported) {

  static RuleSelection of(List<String> check, List<String> skip, Set<String> disabled, List<RuleMeta> rules,
      Map<String, Severity> severities) {
    Predicate<RuleMeta> checked = check.isEmpty() ? r -> true : anyOf(check, "--check", rules, severities, true);
    Predicate<RuleMeta> skipped = skip.isEmpty() ? r -> false : anyOf(skip, "--skip-check", rules, severities, false);
    Set<String> reported = new java.util.TreeSet<>();
    rules.stream().filter(checked).filter(skipped.negate()).filter(r -> !disabled.contains(r.id()))
        .forEach(r -> reported.add(r.id()));
    return new RuleSelection(Set.copyOf(reported));
  }

  boolean reports(String ruleId) {
    return reported.contains(ruleId);
  }

  private static Predicate<RuleMeta> anyOf(List<String> selectors, String flag, List<RuleMeta> rules,
      Map<String, Severity> severities, boolean andAbove) {
    List<Predicate<RuleMeta>> parts = new ArrayList<>();
    for (String written : selectors) {
      for (String selector : written.split(",")) {
        String s = selector.strip();
        if (s.isEmpty()) {
          continue;
        }
        Predicate<RuleMeta> p = selector(s, flag, severities, andAbove);
        if (rules.stream().noneMatch(p)) {
          throw new UserError(flag + " " + s + " matches no rule (see 'spofscan rules')");
        }
        parts.add(p);
      }
    }
    return r -> parts.stream().anyMatch(p -> p.test(r));
  }

  private static Predicate<RuleMeta> selector(String s, String flag, Map<String, Severity> severities,
      boolean andAbove) {
    if (s.toLowerCase(Locale.ROOT).startsWith("severity:")) {
      Severity level;
      try {
        level = Severity.parse(s.substring("severity:".length()));
      } catch (IllegalArgumentException e) {
        throw new UserError(flag + " " + s + ": " + e.getMessage());
      }
      return r -> {
        Severity actual = severities.getOrDefault(r.id(), r.severity());
        return andAbove ? actual.atLeast(level) : level.atLeast(actual);
      };
    }
    Pattern glob = ConfigIgnore.glob(s.toUpperCase(Locale.ROOT));
    // A former id (alias) selects the rule it was merged into.
    return r -> glob.matcher(r.id()).matches() || r.aliases().stream().anyMatch(a -> glob.matcher(a).matches());
  }
}
