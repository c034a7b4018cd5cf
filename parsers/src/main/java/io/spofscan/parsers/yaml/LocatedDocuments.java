package io.spofscan.parsers.yaml;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The located YAML/JSON reader every format uses: text into {@link ParsedDocuments}, whatever format the documents
 * turn out to be. It knows no format; the routers decide what the documents are.
 */
public final class LocatedDocuments {
  private static final Pattern TRAILING_TABS = Pattern.compile("[ \t]*\t[ \t]*$", Pattern.MULTILINE);
  private static final int MAX_RESUMED_ERRORS = 50;

  private LocatedDocuments() {}

  /** Nothing read (an empty, skipped or unreadable file). */
  public static ParsedDocuments none() {
    return new ParsedDocuments(List.of(), List.of(), Optional.empty());
  }

  /**
   * SnakeYAML re-copies its read window for every 1,024 characters of one unbroken token, so a single line costs
   * time quadratic in its length (10 MB: over a minute). Real files stay far below this (longest seen: 38 K).
   */
  static final int MAX_YAML_LINE_CHARS = 1024 * 1024;

  public static ParsedDocuments read(String path, String text, boolean json, ParseLimits limits) {
    for (int start = 0, line = 1; !json && start < text.length(); line++) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (end - start > MAX_YAML_LINE_CHARS) {
        return new ParsedDocuments(List.of(), List.of(), Optional.of(Diagnostic.error(SourceRange.at(path, line, 1),
            "line is longer than " + MAX_YAML_LINE_CHARS + " characters: not read")));
      }
      start = end + 1;
    }
    try {
      if (json) {
        return new JsonTreeBuilder(path, text, limits).read();
      }
      ParsedDocuments parsed = new YamlTreeBuilder(path, text, limits).read();
      if (parsed.failed() && parsed.error().get().message().contains("(TAB)") && TRAILING_TABS.matcher(text).find()) {
        // SnakeYAML (YAML 1.1) refuses tabs at the end of a line that other YAML readers (kubectl, CloudFormation)
        // accept; without them lines and columns stay the same
        ParsedDocuments retry = new YamlTreeBuilder(path, TRAILING_TABS.matcher(text).replaceAll(""), limits).read();
        if (!retry.failed()) {
          return retry;
        }
      }
      return parsed.failed() ? resumeAfterBrokenDocuments(path, text, parsed, limits) : parsed;
    } catch (RuntimeException e) {
      // a parser bug must not stop the scan: report it against the file
      return new ParsedDocuments(List.of(), List.of(), Optional.of(Diagnostic.error(SourceRange.at(path, 1, 1),
          "cannot parse: " + io.spofscan.core.scan.Failures.describe(e))));
    }
  }

  /**
   * A stream with a broken document: the documents after it are still read, starting at the next {@code ---} line,
   * with the text before it blanked to newlines so lines stay those of the file. The first error is the one reported.
   */
  private static ParsedDocuments resumeAfterBrokenDocuments(String path, String text, ParsedDocuments parsed,
      ParseLimits limits) {
    List<ParsedDocuments.Document> documents = new ArrayList<>(parsed.documents());
    List<ParsedDocuments.Note> notes = new ArrayList<>(parsed.notes());
    ParsedDocuments current = parsed;
    int[] lineStarts = lineStarts(text);
    int from = lastDocumentLine(current, -1);
    for (int attempt = 0; attempt < MAX_RESUMED_ERRORS && current.failed(); attempt++) {
      int next = -1;
      for (int line = from + 1; line < lineStarts.length; line++) { // 0-based line indexes
        if (text.startsWith("---", lineStarts[line])) {
          next = line;
          break;
        }
      }
      if (next < 0) {
        break;
      }
      String rest = "\n".repeat(next) + text.substring(lineStarts[next]);
      current = new YamlTreeBuilder(path, rest, limits).read();
      documents.addAll(current.documents());
      notes.addAll(current.notes());
      from = lastDocumentLine(current, next);
    }
    return new ParsedDocuments(documents, notes, parsed.error());
  }

  /** The 0-based line of the last document read, or {@code otherwise}. */
  private static int lastDocumentLine(ParsedDocuments p, int otherwise) {
    return p.documents().isEmpty() ? otherwise
        : Math.max(otherwise, p.documents().get(p.documents().size() - 1).start().line() - 1);
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }
}
