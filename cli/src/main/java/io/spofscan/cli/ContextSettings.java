package io.spofscan.cli;

import io.spofscan.core.model.Context;
import io.spofscan.core.scan.ContextClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code context:} key of {@code .spofscan.yml}: which file contexts a scan skips and the user's own path
 * globs for each context (relative to the configuration file's folder, like {@code exclude}).
 *
 * <pre>
 * context:
 *   include-tests: true          # test files are skipped by default
 *   skip: [example]              # like --skip-context example
 *   test-paths: [qa/**]
 *   example-paths: [blueprints]
 *   production-paths: [deploy/demo]   # a folder named like an example that is deployed
 * </pre>
 *
 * @param includeTests whether test files are scanned, if set
 */
record ContextSettings(Optional<Boolean> includeTests, Set<Context> skip, List<String> testPaths,
    List<String> examplePaths, List<String> productionPaths) {

  static final ContextSettings NONE = new ContextSettings(Optional.empty(), Set.of(), List.of(), List.of(), List.of());

  ContextSettings {
    skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
    testPaths = List.copyOf(testPaths);
    examplePaths = List.copyOf(examplePaths);
    productionPaths = List.copyOf(productionPaths);
  }

  ContextClassifier classifier() {
    return new ContextClassifier(productionPaths, testPaths, examplePaths);
  }

  static ContextSettings read(LocatedYaml.Node v) {
    Optional<Boolean> includeTests = Optional.empty();
    Set<Context> skip = EnumSet.noneOf(Context.class);
    List<String> tests = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    List<String> production = new ArrayList<>();
    for (Map.Entry<String, LocatedYaml.Node> e : v.map().entrySet()) {
      LocatedYaml.Node n = e.getValue();
      switch (e.getKey()) {
        case "include-tests" -> includeTests = Optional.of(SpofscanConfig.bool(n));
        case "skip" -> n.list().forEach(c -> skip.add(context(c)));
        case "test-paths" -> n.list().forEach(c -> tests.add(c.text()));
        case "example-paths" -> n.list().forEach(c -> examples.add(c.text()));
        case "production-paths" -> n.list().forEach(c -> production.add(c.text()));
        default -> throw new UserError(n.at() + ": unknown key '" + e.getKey()
            + "' (expected one of: include-tests, skip, test-paths, example-paths, production-paths)");
      }
    }
    return new ContextSettings(includeTests, skip, tests, examples, production);
  }

  private static Context context(LocatedYaml.Node n) {
    try {
      return Context.parse(n.text());
    } catch (IllegalArgumentException e) {
      throw new UserError(n.at() + ": " + e.getMessage());
    }
  }

  /**
   * The contexts a scan leaves out: tests unless {@code --include-tests} (or {@code include-tests: true}), plus
   * every {@code --skip-context} and {@code skip:} entry.
   */
  Set<Context> skipped(boolean includeTestsFlag, List<Context> skipFlags) {
    if (includeTestsFlag && skipFlags.contains(Context.TEST)) {
      throw new UserError("--include-tests and --skip-context test contradict each other: give one");
    }
    Set<Context> out = EnumSet.noneOf(Context.class);
    boolean includeTests = includeTestsFlag || this.includeTests.orElse(false);
    if (!includeTests) {
      out.add(Context.TEST);
    }
    out.addAll(skip);
    if (includeTestsFlag) {
      out.remove(Context.TEST); // the flag beats the configuration
    }
    out.addAll(skipFlags);
    return out;
  }
}
