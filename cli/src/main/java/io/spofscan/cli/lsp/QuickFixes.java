package io.spofscan.cli.lsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixes that are one attribute value: the value written in the finding's block is replaced, nothing else. A finding
 * whose attribute is missing or computed (a variable, an intrinsic) gets no quick fix, since the right place to
 * change is elsewhere.
 */
final class QuickFixes {
  /**
   * One replacement: {@code pattern}'s group 1 is the written value, which becomes {@code value}.
   *
   * @param documentWide the attribute may sit anywhere in the YAML document (a Deployment's {@code spec}) rather
   *     than inside the block the finding points at
   */
  record Fix(Pattern pattern, String value, String title, boolean documentWide) {}

  /** An edit on one line: columns are 0-based, in UTF-16 units like LSP's. */
  record Edit(int line, int startColumn, int endColumn, String newText, String title) {}

  private static final Map<String, List<Fix>> BY_RULE = Map.of(
      "SPOF-RDS-001", List.of(
          fix("^\\s*multi_az\\s*=\\s*(false)\\b", "true", "Set multi_az = true", false),
          fix("^\\s*\"?MultiAZ\"?\\s*:\\s*(\"false\"|'false'|false)", "true", "Set MultiAZ: true", false),
          fix("^\\s*\"multi_az\"\\s*:\\s*(false)\\b", "true", "Set multi_az = true", false)),
      "SPOF-K8S-001", List.of(
          fix("^\\s*\"?replicas\"?\\s*:\\s*(1)\\s*,?\\s*(#.*)?$", "2", "Set replicas: 2", true)));

  private QuickFixes() {}

  private static Fix fix(String regex, String value, String title, boolean documentWide) {
    return new Fix(Pattern.compile(regex), value, title, documentWide);
  }

  static boolean has(String ruleId) {
    return BY_RULE.containsKey(ruleId);
  }

  /**
   * The fix of a {@code ruleId} finding starting on {@code line} (0-based) of {@code text}: the first line from
   * there on, inside the block (or YAML document), that writes the attribute with the failing value.
   */
  static Optional<Edit> find(String ruleId, String text, int line) {
    List<Fix> fixes = BY_RULE.get(ruleId);
    if (fixes == null || text == null) {
      return Optional.empty();
    }
    String[] lines = text.split("\r?\n", -1);
    if (line < 0 || line >= lines.length) {
      return Optional.empty();
    }
    for (Fix f : fixes) {
      int indent = indent(lines[line]);
      for (int i = line; i < lines.length; i++) {
        String l = lines[i];
        if (i > line && !f.documentWide() && !l.isBlank() && indent(l) <= indent && !l.trim().startsWith("#")
            && !l.trim().startsWith("//")) {
          break; // past the block: the next resource or property at the finding's level
        }
        if (i > line && l.startsWith("---")) {
          break;
        }
        Matcher m = f.pattern().matcher(l);
        if (m.find()) {
          return Optional.of(new Edit(i, m.start(1), m.end(1), f.value(), f.title()));
        }
      }
    }
    return Optional.empty();
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
