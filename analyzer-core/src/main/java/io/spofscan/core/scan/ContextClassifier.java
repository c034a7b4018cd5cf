package io.spofscan.core.scan;

import io.spofscan.core.model.Context;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells production files from examples and test data by path conventions (see docs/architecture.md, "File
 * context"), with user globs taking precedence. Only the part of the path below the scan root is read: a project
 * scanned from inside its own {@code testdata/} folder is what the user asked to scan, not a fixture.
 *
 * <p>Test wins over example ({@code examples/foo/test/} is test data); a user's {@code production-paths} glob wins
 * over both, so a repository that deploys from a folder named {@code demo} can say so.
 */
public final class ContextClassifier {
  /** Folder names that hold test input: fixtures, golden files, end-to-end and integration test data. */
  static final Set<String> TEST_DIRS = Set.of("test", "tests", "testdata", "test-data", "test_data", "__tests__",
      "fixtures", "fixture", "spec", "golden", "goldens", "testing", "e2e", "integration", "integration-tests",
      "integration_tests", "__snapshots__", "snapshots", "testcases", "test-cases",
      // taskcat, the CloudFormation test tool, keeps its overrides and copies of remote templates here
      ".taskcat");
  /** Words that make a compound folder name a test folder: {@code e2e-tests}, {@code unit-test-fixture}. */
  static final Set<String> TEST_WORDS = Set.of("test", "tests", "testdata", "fixture", "fixtures", "e2e", "golden");
  /** Folder names that hold demonstrations: samples, tutorials, labs, quick starts, documentation, archives. */
  static final Set<String> EXAMPLE_DIRS = Set.of("example", "examples", "sample", "samples", "demo", "demos",
      "tutorial", "tutorials", "lab", "labs", "quickstart", "quickstarts", "quick-start", "playground", "docs", "doc",
      "_archived", "archived", "walkthrough", "walkthroughs", "workshop", "workshops");
  /** Words that make a compound folder or file name an example: {@code example-app}, {@code ECS_Schedule_Example}. */
  static final Set<String> EXAMPLE_WORDS = Set.of("example", "examples", "sample", "samples", "demo", "demos",
      "tutorial", "tutorials");

  /** Conventions only, no user globs. */
  public static final ContextClassifier CONVENTIONS = new ContextClassifier(List.of(), List.of(), List.of());

  private final List<PathMatcher> production;
  private final List<PathMatcher> test;
  private final List<PathMatcher> example;

  /** Globs are matched against a path and each of its parent folders (so {@code ci} covers {@code ci/a.yaml}). */
  public ContextClassifier(List<String> productionGlobs, List<String> testGlobs, List<String> exampleGlobs) {
    this.production = matchers(productionGlobs);
    this.test = matchers(testGlobs);
    this.example = matchers(exampleGlobs);
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  /**
   * @param underScanRoot the file's path below its scan root ({@code /}-separated)
   * @param forGlobs the file's path as the user's globs are written (relative to the configuration's folder)
   */
  public Context classify(String underScanRoot, Path forGlobs) {
    if (forGlobs != null) {
      if (matches(forGlobs, production)) {
        return Context.PRODUCTION;
      }
      if (matches(forGlobs, test)) {
        return Context.TEST;
      }
      if (matches(forGlobs, example)) {
        return Context.EXAMPLE;
      }
    }
    return byConvention(underScanRoot);
  }

  /** The context path conventions give a file, from its path below the scan root. */
  public static Context byConvention(String underScanRoot) {
    String[] segments = underScanRoot.replace('\\', '/').split("/");
    String fileName = segments[segments.length - 1].toLowerCase(Locale.ROOT);
    boolean example = false;
    for (int i = 0; i < segments.length - 1; i++) {
      String dir = segments[i].toLowerCase(Locale.ROOT);
      if (TEST_DIRS.contains(dir) || anyWord(dir, TEST_WORDS)) {
        return Context.TEST;
      }
      example |= EXAMPLE_DIRS.contains(dir) || anyWord(dir, EXAMPLE_WORDS);
    }
    String stem = stem(fileName);
    if (stem.endsWith("_test") || stem.endsWith(".test") || stem.endsWith("-test") || fileName.contains(".golden")
        || fileName.endsWith(".golden")) {
      return Context.TEST;
    }
    return example || EXAMPLE_WORDS.contains(stem) || anyWord(stem, EXAMPLE_WORDS) ? Context.EXAMPLE : Context.PRODUCTION;
  }

  /** The name without its IaC suffixes: {@code web_test.tf.json} gives {@code web_test}. */
  private static String stem(String fileName) {
    String s = fileName;
    for (String suffix : List.of(".json", ".yaml", ".yml", ".tf", ".tfvars", ".template", ".sql")) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        s = s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }

  /** True when a compound name ({@code -}, {@code _} or {@code .} separated) has one of the words as a part. */
  private static boolean anyWord(String name, Set<String> words) {
    if (name.indexOf('-') < 0 && name.indexOf('_') < 0 && name.indexOf('.') < 0) {
      return false; // a plain name was checked whole against the folder lists
    }
    for (String part : name.split("[-_.]+")) {
      if (words.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Path rel, List<PathMatcher> matchers) {
    if (matchers.isEmpty()) {
      return false;
    }
    List<Path> candidates = new ArrayList<>();
    for (Path p = rel; p != null; p = p.getParent()) {
      candidates.add(p);
    }
    for (Path p : candidates) {
      for (PathMatcher m : matchers) {
        if (m.matches(p)) {
          return true;
        }
      }
    }
    return false;
  }
}
