package io.spofscan.cli;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.rule.Finding;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code ignore:} entry of {@code .spofscan.yml}: findings of some rules on some resources or paths, accepted
 * with a written reason, optionally until a date. At least one of {@code resource} and {@code path} is required
 * (a rule that is off everywhere is {@code rules: ID: off}).
 *
 * @param rules the rule ids it names, upper case
 * @param resource a glob over resource addresses ({@code *} any text, {@code ?} one character), if given
 * @param path a path glob relative to the configuration file's folder, if given
 * @param reason why the findings are accepted (mandatory)
 * @param until last day it holds, if any
 * @param where the entry in the configuration file
 */
record ConfigIgnore(List<String> rules, Optional<Pattern> resource, Optional<PathMatcher> path, String reason,
    Optional<LocalDate> until, SourceRange where) {

  private static final String KEYS = "rule, rules, resource, path, reason, until";

  boolean expiredOn(LocalDate today) {
    return until.map(today::isAfter).orElse(false);
  }

  /** Whether it covers {@code f}; {@code relativePath} is the finding's file relative to the config's folder. */
  boolean covers(Finding f, Path relativePath) {
    if (!rules.contains(f.ruleId())) {
      return false;
    }
    if (resource.isPresent() && !resource.get().matcher(f.resourceAddress()).matches()) {
      return false;
    }
    if (path.isPresent()) {
      for (Path p = relativePath; p != null; p = p.getParent()) {
        if (path.get().matches(p)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  static ConfigIgnore read(LocatedYaml.Node entry, Set<String> knownRules) {
    List<String> rules = new ArrayList<>();
    Optional<Pattern> resource = Optional.empty();
    Optional<PathMatcher> path = Optional.empty();
    String reason = "";
    Optional<LocalDate> until = Optional.empty();
    for (Map.Entry<String, LocatedYaml.Node> e : entry.map().entrySet()) {
      LocatedYaml.Node v = e.getValue();
      switch (e.getKey()) {
        case "rule", "rules" -> v.list().forEach(n -> rules.add(ruleId(n, knownRules)));
        case "resource" -> resource = Optional.of(glob(v.text()));
        case "path" -> path = Optional.of(FileSystems.getDefault().getPathMatcher("glob:" + v.text()));
        case "reason" -> reason = v.text().strip();
        case "until" -> {
          try {
            until = Optional.of(LocalDate.parse(v.text().strip()));
          } catch (DateTimeParseException ex) {
            throw new UserError(v.at() + ": until must be a date like 2027-01-31, got '" + v.text() + "'");
          }
        }
        default -> throw new UserError(v.at() + ": unknown key '" + e.getKey() + "' (expected one of: " + KEYS + ")");
      }
    }
    if (rules.isEmpty()) {
      throw new UserError(entry.at() + ": an ignore entry needs 'rule: RULE-ID'");
    }
    if (reason.isEmpty()) {
      throw new UserError(entry.at() + ": an ignore entry needs 'reason:' (why the finding is accepted)");
    }
    if (resource.isEmpty() && path.isEmpty()) {
      throw new UserError(entry.at() + ": an ignore entry needs 'resource:' or 'path:' "
          + "(to turn a rule off everywhere, write 'rules: " + rules.get(0) + ": off')");
    }
    return new ConfigIgnore(List.copyOf(rules), resource, path, reason, until,
        SourceRange.at(entry.file(), entry.line(), entry.column()));
  }

  static String ruleId(LocatedYaml.Node n, Set<String> knownRules) {
    String id = n.text().strip().toUpperCase(Locale.ROOT);
    if (!knownRules.contains(id)) {
      throw new UserError(n.at() + ": unknown rule id '" + n.text() + "' (see 'spofscan rules')");
    }
    return RuleCatalog.aliases().canonical(id);
  }

  /** {@code *} is any text (slashes included: {@code Deployment/jobs/*}), {@code ?} one character. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }
}
