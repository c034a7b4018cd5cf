package io.spofscan.parsers.codeowners;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.yaml.TextDecoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * Reads CODEOWNERS files (GitHub: {@code CODEOWNERS}, {@code .github/}, {@code docs/}; GitLab: also
 * {@code .gitlab/} and {@code [Sections]}) and resolves, with the platforms' last-match rule, which line owns
 * each file of infrastructure code in the scan. One resource per line that is the effective owner of at least one
 * such file ({@code type: codeowners_rule}):
 * <pre>
 * pattern: /terraform/           (located)
 * owners: ["@alice", ...]        (each located; empty when the line leaves the files unowned)
 * platform: github | gitlab | unknown
 * section: "Database"            (GitLab only)   optional: true (a ^[section]: approval not required)
 * files: [terraform/main.tf, ...] (sorted)
 * </pre>
 * Patterns are matched with JGit's gitignore rules, as GitHub documents, except that {@code dir/*} stops at
 * one level.
 */
public final class CodeownersParser {
  public static final String TYPE = "codeowners_rule";

  private static final Pattern SECTION = Pattern.compile("^(\\^?)\\[([^\\]]+)\\](?:\\[\\d+\\])?\\s*(.*)$");

  private CodeownersParser() {}

  /** CODEOWNERS is read under these names only, wherever the platforms look for it. */
  public static boolean isCodeowners(String displayPath) {
    String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
    return name.equals("CODEOWNERS");
  }

  /**
   * @param files the CODEOWNERS files of the scan
   * @param owned display paths of the files that hold infrastructure code, CI definitions or migrations
   * @param allPaths every display path of the scan (tells GitHub from GitLab repositories)
   */
  public static Model parse(List<SourceFile> files, Collection<String> owned, Collection<String> allPaths,
      long maxFileBytes) {
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (SourceFile f : files) {
      Optional<String> text = TextDecoder.read(f, maxFileBytes, diagnostics);
      if (text.isPresent()) {
        resources.addAll(resolve(f.displayPath(), text.get(), owned, allPaths, diagnostics));
      }
    }
    return new Model(resources, diagnostics);
  }

  /** One line of a CODEOWNERS file that names a pattern. */
  private record Line(int number, String section, boolean optional, String pattern, int patternColumn,
      List<Value> owners, FastIgnoreRule rule, boolean oneLevel) {
    boolean matches(String path) {
      return oneLevel ? rule.isMatch(path, false, true) : rule.isMatch(path, false);
    }
  }

  static List<Resource> resolve(String path, String text, Collection<String> owned, Collection<String> allPaths,
      List<Diagnostic> diagnostics) {
    String root = repositoryRoot(path);
    String platform = platform(path, text, allPaths, root);
    List<Line> lines = new ArrayList<>();
    String section = "";
    boolean optional = false;
    List<Value> sectionOwners = List.of();
    String[] raw = text.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      String content = withoutComment(line).strip();
      if (content.isEmpty()) {
        continue;
      }
      int number = i + 1;
      int start = line.indexOf(content.charAt(0));
      Matcher header = SECTION.matcher(content);
      if (platform.equals("gitlab") && header.matches()) {
        optional = !header.group(1).isEmpty();
        section = header.group(2).strip();
        sectionOwners = owners(path, number, line, start + header.start(3));
        continue;
      }
      String pattern = firstToken(content);
      if (pattern.startsWith("!") || pattern.contains("[")) {
        diagnostics.add(Diagnostic.warning(SourceRange.at(path, number, start + 1),
            "CODEOWNERS pattern " + pattern + " uses negation or a character range, which GitHub does not "
                + "support: the line is ignored"));
        continue;
      }
      List<Value> lineOwners = owners(path, number, line, start + pattern.length());
      if (lineOwners.isEmpty() && !section.isEmpty()) {
        lineOwners = sectionOwners; // a GitLab line without owners takes its section's default owners
      }
      String glob = pattern.replace("\\#", "#");
      boolean oneLevel = glob.endsWith("/*") && !glob.contains("**");
      lines.add(new Line(number, section, optional, pattern, start + 1, lineOwners, new FastIgnoreRule(glob),
          oneLevel));
    }
    // For each file, the last matching line of each section owns it (GitHub: one section, the whole file).
    Map<Integer, TreeSet<String>> filesByLine = new TreeMap<>();
    for (String file : owned) {
      if (!file.startsWith(root)) {
        continue;
      }
      String relative = file.substring(root.length());
      Map<String, Line> lastBySection = new LinkedHashMap<>();
      for (Line l : lines) {
        if (l.matches(relative)) {
          lastBySection.put(l.section(), l);
        }
      }
      lastBySection.values().forEach(l -> filesByLine.computeIfAbsent(l.number(), k -> new TreeSet<>()).add(file));
    }
    List<Resource> out = new ArrayList<>();
    for (Line l : lines) {
      TreeSet<String> matched = filesByLine.get(l.number());
      if (matched == null) {
        continue;
      }
      SourceRange at = SourceRange.at(path, l.number(), l.patternColumn());
      Map<String, Value> body = new LinkedHashMap<>();
      body.put("pattern", Value.of(l.pattern(), at));
      body.put("owners", new Value.ListValue(l.owners(), at));
      body.put("platform", Value.of(platform, at));
      if (!l.section().isEmpty()) {
        body.put("section", Value.of(l.section(), at));
        body.put("optional", Value.of(l.optional(), at));
      }
      body.put("files", new Value.ListValue(matched.stream().map(f -> Value.of(f, at)).toList(), at));
      out.add(Resource.of(Format.CODEOWNERS, TYPE, path + ":" + l.number(), at, new Value.MapValue(body, at),
          List.of()));
    }
    return out;
  }

  /** The folder whose paths the file's patterns name: its own, or the parent of .github, .gitlab or docs. */
  static String repositoryRoot(String path) {
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash);
    String last = dir.substring(dir.lastIndexOf('/') + 1);
    if (last.equals(".github") || last.equals(".gitlab") || last.equals("docs")) {
      int up = dir.lastIndexOf('/');
      dir = up < 0 ? "" : dir.substring(0, up);
    }
    return dir.isEmpty() ? "" : dir + "/";
  }

  /**
   * GitHub and GitLab read the same file differently ({@code @name} is always a person on GitHub, a person or a
   * group on GitLab): decided by where the file is, GitLab sections, and the CI files beside it.
   */
  static String platform(String path, String text, Collection<String> allPaths, String root) {
    if (path.contains(".github/")) {
      return "github";
    }
    if (path.contains(".gitlab/")
        || text.lines().map(l -> withoutComment(l).strip()).anyMatch(l -> SECTION.matcher(l).matches())) {
      return "gitlab";
    }
    boolean github = allPaths.stream().anyMatch(p -> p.startsWith(root + ".github/"));
    boolean gitlab = allPaths.stream().anyMatch(p -> p.equals(root + ".gitlab-ci.yml") || p.startsWith(root + ".gitlab/"));
    return github == gitlab ? "unknown" : github ? "github" : "gitlab";
  }

  private static List<Value> owners(String path, int number, String line, int from) {
    List<Value> out = new ArrayList<>();
    String rest = withoutComment(line);
    int i = Math.min(from, rest.length());
    while (i < rest.length()) {
      while (i < rest.length() && Character.isWhitespace(rest.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(Value.of(rest.substring(start, i), SourceRange.at(path, number, start + 1)));
      }
    }
    return out;
  }

  private static String firstToken(String content) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\\' && i + 1 < content.length()) {
        sb.append(c).append(content.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        break;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A {@code #} starts a comment unless escaped ({@code \#} names a file starting with #). */
  private static String withoutComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\\') {
        i++;
      } else if (line.charAt(i) == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
