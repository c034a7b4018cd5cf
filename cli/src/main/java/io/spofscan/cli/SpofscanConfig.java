package io.spofscan.cli;

import io.spofscan.core.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code .spofscan.yml}: rules on/off, severity overrides, the gate threshold, excluded paths, Terraform variables and
 * CloudFormation parameters. Unknown keys are errors naming file:line, so a typo never silently does nothing.
 *
 * @param file the file it was read from (null for no configuration)
 * @param disabledRules rule ids turned off
 * @param severities severity overrides by rule id
 * @param failOn the gate threshold, if set
 * @param exclude path globs, relative to the configuration file's directory
 * @param varFiles Terraform var files, resolved against the configuration file's directory
 * @param vars Terraform variables
 * @param paramFiles CloudFormation parameter files, resolved
 * @param params CloudFormation parameters
 * @param namespace default Kubernetes namespace, if set
 * @param ignores accepted findings by rule and resource or path, each with its reason
 * @param context which file contexts are skipped, and the user's globs for each (see {@link ContextSettings})
 * @param flows flows named by the user, in the order written
 */
record SpofscanConfig(Path file, Set<String> disabledRules, Map<String, Severity> severities, Optional<String> failOn,
    List<String> exclude, List<Path> varFiles, Map<String, String> vars, List<Path> paramFiles,
    Map<String, String> params, Optional<String> namespace, List<ConfigIgnore> ignores,
    ContextSettings context, List<ConfigFlow> flows) {

  static final String FILE_NAME = ".spofscan.yml";

  static SpofscanConfig none() {
    return new SpofscanConfig(null, Set.of(), Map.of(), Optional.empty(), List.of(), List.of(), Map.of(), List.of(),
        Map.of(), Optional.empty(), List.of(), ContextSettings.NONE, List.of());
  }

  Path baseDir() {
    return file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().normalize().getParent();
  }

  /**
   * Reads and checks a configuration file.
   *
   * @param knownRules rule ids a {@code rules:} entry may name
   */
  static SpofscanConfig read(Path file, Set<String> knownRules) {
    LocatedYaml.Node root = LocatedYaml.read(file, file.toString());
    if (root.value() == null) {
      return new SpofscanConfig(file, Set.of(), Map.of(), Optional.empty(), List.of(), List.of(), Map.of(), List.of(),
          Map.of(), Optional.empty(), List.of(), ContextSettings.NONE, List.of()); // empty, but it is the file the scan obeys
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    Set<String> disabled = new java.util.TreeSet<>();
    Map<String, Severity> severities = new LinkedHashMap<>();
    Optional<String> failOn = Optional.empty();
    List<String> exclude = new ArrayList<>();
    List<Path> varFiles = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>();
    List<Path> paramFiles = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    Optional<String> namespace = Optional.empty();
    List<ConfigIgnore> ignores = new ArrayList<>();
    ContextSettings context = ContextSettings.NONE;
    List<ConfigFlow> flows = new ArrayList<>();
    for (Map.Entry<String, LocatedYaml.Node> e : root.map().entrySet()) {
      LocatedYaml.Node v = e.getValue();
      switch (e.getKey()) {
        case "fail-on" -> failOn = Optional.of(failOn(v));
        case "exclude" -> v.list().forEach(n -> exclude.add(n.text()));
        case "ignore" -> v.list().forEach(n -> ignores.add(ConfigIgnore.read(n, knownRules)));
        case "rules" -> {
          for (Map.Entry<String, LocatedYaml.Node> r : v.map().entrySet()) {
            String id = ConfigIgnore.ruleId(new LocatedYaml.Node(r.getKey(), r.getValue().file(),
                r.getValue().line(), r.getValue().column()), knownRules);
            rule(id, r.getValue(), disabled, severities);
          }
        }
        case "terraform" -> {
          for (Map.Entry<String, LocatedYaml.Node> t : v.map().entrySet()) {
            switch (t.getKey()) {
              case "var-files" -> t.getValue().list().forEach(n -> varFiles.add(base.resolve(n.text())));
              case "vars" -> t.getValue().map().forEach((k, n) -> vars.put(k, n.text()));
              default -> throw unknownKey(t.getKey(), t.getValue(), "var-files, vars");
            }
          }
        }
        case "cloudformation" -> {
          for (Map.Entry<String, LocatedYaml.Node> c : v.map().entrySet()) {
            switch (c.getKey()) {
              case "parameter-files" -> c.getValue().list().forEach(n -> paramFiles.add(base.resolve(n.text())));
              case "parameters" -> c.getValue().map().forEach((k, n) -> params.put(k, n.text()));
              default -> throw unknownKey(c.getKey(), c.getValue(), "parameter-files, parameters");
            }
          }
        }
        case "kubernetes" -> {
          for (Map.Entry<String, LocatedYaml.Node> k : v.map().entrySet()) {
            if (k.getKey().equals("namespace")) {
              namespace = Optional.of(k.getValue().text());
            } else {
              throw unknownKey(k.getKey(), k.getValue(), "namespace");
            }
          }
        }
        case "context" -> context = ContextSettings.read(v);
        case "flows" -> v.map().forEach((name, n) -> flows.add(ConfigFlow.read(name, n)));
        default -> throw unknownKey(e.getKey(), v,
            "fail-on, exclude, ignore, rules, terraform, cloudformation, kubernetes, context, flows");
      }
    }
    return new SpofscanConfig(file, Set.copyOf(disabled), Map.copyOf(severities), failOn, List.copyOf(exclude),
        List.copyOf(varFiles), Map.copyOf(vars), List.copyOf(paramFiles), Map.copyOf(params), namespace, List.copyOf(ignores),
        context, List.copyOf(flows));
  }

  /** {@code ID: off|on|<severity>} or {@code ID: {enabled: false, severity: low}}. */
  private static void rule(String id, LocatedYaml.Node v, Set<String> disabled, Map<String, Severity> severities) {
    if (v.value() instanceof Map) {
      for (Map.Entry<String, LocatedYaml.Node> e : v.map().entrySet()) {
        switch (e.getKey()) {
          case "enabled" -> {
            if (!bool(e.getValue())) {
              disabled.add(id);
            }
          }
          case "severity" -> severities.put(id, severity(e.getValue()));
          default -> throw unknownKey(e.getKey(), e.getValue(), "enabled, severity");
        }
      }
      return;
    }
    String s = v.text().trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "off", "false", "disabled" -> disabled.add(id);
      case "on", "true", "enabled" -> { }
      default -> severities.put(id, severity(v));
    }
  }

  static boolean bool(LocatedYaml.Node v) {
    String s = v.text().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("on") || s.equals("yes")) {
      return true;
    }
    if (s.equals("false") || s.equals("off") || s.equals("no")) {
      return false;
    }
    throw new UserError(v.at() + ": expected true or false, got '" + v.text() + "'");
  }

  private static Severity severity(LocatedYaml.Node v) {
    try {
      return Severity.parse(v.text());
    } catch (IllegalArgumentException e) {
      throw new UserError(v.at() + ": " + e.getMessage() + " (or off/on)");
    }
  }

  private static String failOn(LocatedYaml.Node v) {
    String s = v.text().trim().toLowerCase(Locale.ROOT);
    if (!FailOn.NAMES.contains(s)) {
      throw new UserError(v.at() + ": fail-on must be critical, high, medium, low or none, got '" + v.text() + "'");
    }
    return s;
  }

  private static UserError unknownKey(String key, LocatedYaml.Node at, String expected) {
    return new UserError(at.at() + ": unknown key '" + key + "' (expected one of: " + expected + ")");
  }
}
