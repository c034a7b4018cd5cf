package io.spofscan.parsers.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares HCL source for hcl4j's lexer without moving any character: every offset, line and column stays where it
 * was. It blanks constructs the lexer cannot read into same-width string literals (for-expressions and parenthesised
 * object keys, whose newlines move into a trailing comment so later lines keep their numbers), replaces the
 * characters the lexer wrongly counts as line breaks (U+2028, U+2029, U+0085, VT) with spaces, and checks that
 * brackets, strings, heredocs and comments are closed, which the lexer does not.
 */
final class HclPreprocessor {
  private HclPreprocessor() {}

  /** The prepared text, or the first structural error (offset of the culprit). */
  record Result(String text, int errorOffset, String error, java.util.Map<Integer, Integer> braceEnds,
      List<Integer> topLevelEnds) {
    boolean ok() {
      return error == null;
    }

    static Result failed(int offset, String error) {
      return new Result(null, offset, error, java.util.Map.of(), List.of());
    }

    /** The offset of the '}' closing the '{' at {@code open}, or -1. */
    int closeOf(int open) {
      return braceEnds.getOrDefault(open, -1);
    }
  }

  /** Deeper nesting is refused before the lexer sees it: hcl4j is slow on it and no real file comes close. */
  static final int MAX_NESTING = 256;

  private static final char FOR_BRACKET = 'F';
  private static final char FOR_BRACE = 'G';
  private static final char TEMPLATE = '$';
  private static final char STRING = '"';

  private record Frame(char kind, int offset, boolean parenKey) {}

  private record Span(int start, int end) {}

  static Result run(String src) {
    char[] out = src.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B') {
        out[i] = ' ';
      }
    }
    List<Frame> stack = new ArrayList<>();
    List<Span> blanks = new ArrayList<>();
    List<Span> keys = new ArrayList<>();
    java.util.Map<Integer, Integer> braceEnds = new java.util.HashMap<>();
    List<Integer> topLevelEnds = new ArrayList<>();
    int n = src.length();
    int i = 0;
    while (i < n) {
      char c = src.charAt(i);
      boolean inString = !stack.isEmpty() && stack.get(stack.size() - 1).kind() == STRING;
      if (inString) {
        if (c == '"') {
          Frame str = stack.remove(stack.size() - 1);
          boolean outermost = stack.stream().noneMatch(f -> f.kind() == TEMPLATE) && outsideFor(stack);
          if (outermost && str.parenKey() && followedByAssignment(src, i + 1)) {
            keys.add(new Span(str.offset(), i)); // an object key: "" and templates confuse the lexer
          } else if (outermost && !isLabel(src, i + 1)) {
            blanks.add(new Span(str.offset(), i)); // a value: escapes and ~ markers confuse the lexer
          }
          i++;
        } else if (c == '\\') {
          i += 2;
        } else if (c == '\n') {
          return Result.failed(stack.get(stack.size() - 1).offset(), "unterminated string");
        } else if ((c == '$' || c == '%') && at(src, i + 1) == c && at(src, i + 2) == '{') {
          i += 3;
        } else if ((c == '$' || c == '%') && at(src, i + 1) == '{') {
          stack.add(new Frame(TEMPLATE, i, false));
          i += 2;
        } else {
          i++;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          stack.add(new Frame(STRING, i, precededByItemStart(src, i) && insideBraces(stack)));
          i++;
        }
        case '#' -> i = lineEnd(src, i);
        case '/' -> {
          if (at(src, i + 1) == '/') {
            i = lineEnd(src, i);
          } else if (at(src, i + 1) == '*') {
            int end = src.indexOf("*/", i + 2);
            if (end < 0) {
              return Result.failed(i, "unterminated /* comment");
            }
            i = end + 2;
          } else {
            i++;
          }
        }
        case '<' -> {
          int end = heredocEnd(src, i);
          if (end == -2) {
            return Result.failed(i, "unterminated heredoc");
          }
          i = end >= 0 ? end : i + 1;
        }
        case '{', '[' -> {
          if (stack.size() >= MAX_NESTING) {
            return Result.failed(i, "brackets nested deeper than " + MAX_NESTING + " levels");
          }
          boolean isFor = startsFor(src, i + 1);
          stack.add(new Frame(isFor ? (c == '{' ? FOR_BRACE : FOR_BRACKET) : c, i, false));
          i++;
        }
        case '(' -> {
          stack.add(new Frame('(', i, precededByItemStart(src, i) && insideBraces(stack)));
          i++;
        }
        case '}', ']', ')' -> {
          if (stack.isEmpty()) {
            return Result.failed(i, "unexpected '" + c + "' without an opening bracket");
          }
          Frame top = stack.remove(stack.size() - 1);
          char want = switch (top.kind()) {
            case '{', FOR_BRACE, TEMPLATE -> '}';
            case '[', FOR_BRACKET -> ']';
            default -> ')';
          };
          if (c != want) {
            return Result.failed(i, "'" + c + "' does not close the '" + src.charAt(top.offset()) + "' at line "
                + lineOf(src, top.offset()));
          }
          if (top.kind() == '{') {
            braceEnds.put(top.offset(), i);
            if (stack.isEmpty()) {
              topLevelEnds.add(i);
            }
          }
          boolean outerFor = stack.stream().noneMatch(f -> f.kind() == FOR_BRACE || f.kind() == FOR_BRACKET);
          if ((top.kind() == FOR_BRACE || top.kind() == FOR_BRACKET) && outerFor) {
            blanks.add(new Span(top.offset(), i));
          } else if (top.parenKey() && followedByAssignment(src, i + 1) && outerFor) {
            blanks.add(new Span(top.offset(), i));
          }
          i++;
        }
        default -> {
          if (c > 127 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c))) {
            out[i] = 'u'; // a Unicode identifier: the lexer takes ASCII names only (the reader keeps the original)
            i++;
          } else if (Character.isDigit(c) && (i == 0 || !ExprParser.isIdentPart(src.charAt(i - 1)))
              && precededByItemStart(src, i) && insideBraces(stack)) {
            int end = i;
            while (end < n && Character.isDigit(src.charAt(end))) {
              end++;
            }
            if (followedByAssignment(src, end)) {
              for (int k = i; k < end; k++) {
                out[k] = 'n'; // a numeric object key: the lexer only takes names and strings
              }
            }
            i = end;
          } else {
            i++;
          }
        }
      }
    }
    if (!stack.isEmpty()) {
      Frame open = stack.get(stack.size() - 1);
      String what = switch (open.kind()) {
        case STRING -> "unterminated string";
        case TEMPLATE -> "unterminated ${ interpolation";
        default -> "'" + src.charAt(open.offset()) + "' is never closed";
      };
      return Result.failed(open.offset(), what);
    }
    for (Span key : keys) {
      if (src.substring(key.start(), key.end()).indexOf('\n') < 0) {
        java.util.Arrays.fill(out, key.start(), key.end() + 1, 'n');
      } else {
        blank(out, key.start(), key.end());
      }
    }
    for (Span span : blanks) {
      blank(out, span.start(), span.end());
    }
    return new Result(new String(out), -1, null, braceEnds, topLevelEnds);
  }

  /** Replaces [start, end] with a string literal of the same width, newlines kept in a trailing comment. */
  private static void blank(char[] out, int start, int end) {
    int width = end - start + 1;
    int newlines = 0;
    for (int i = start; i <= end; i++) {
      if (out[i] == '\n') {
        newlines++;
      }
    }
    int literal = newlines == 0 ? width : width - 4 - newlines;
    if (literal < 2) {
      return;
    }
    int i = start;
    out[i++] = '"';
    for (int k = 0; k < literal - 2; k++) {
      out[i++] = 'x';
    }
    out[i++] = '"';
    if (newlines > 0) {
      out[i++] = '/';
      out[i++] = '*';
      for (int k = 0; k < newlines; k++) {
        out[i++] = '\n';
      }
      out[i++] = '*';
      out[i++] = '/';
    }
  }

  private static char at(String s, int i) {
    return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
  }

  private static int lineEnd(String s, int i) {
    int nl = s.indexOf('\n', i);
    return nl < 0 ? s.length() : nl;
  }

  private static int lineOf(String s, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean startsFor(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' || (c == '/' && at(s, i + 1) == '/')) {
        i = lineEnd(s, i);
      } else if (c == '/' && at(s, i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          return false;
        }
        i = end + 2;
      } else {
        break;
      }
    }
    return s.startsWith("for", i) && i + 3 < s.length() && Character.isWhitespace(s.charAt(i + 3));
  }

  /** A block label: a string followed by another label or the block's '{' (values are followed by anything else). */
  private static boolean isLabel(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    char c = at(s, i);
    return c == '{' || c == '"' || ExprParser.isIdentStart(c);
  }

  private static boolean precededByItemStart(String s, int i) {
    int j = i - 1;
    while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r')) {
      j--;
    }
    return j < 0 || s.charAt(j) == '{' || s.charAt(j) == ',' || s.charAt(j) == '\n';
  }

  private static boolean outsideFor(List<Frame> stack) {
    return stack.stream().noneMatch(f -> f.kind() == FOR_BRACE || f.kind() == FOR_BRACKET);
  }

  private static boolean insideBraces(List<Frame> stack) {
    return !stack.isEmpty() && stack.get(stack.size() - 1).kind() == '{';
  }

  private static boolean followedByAssignment(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return (at(s, i) == '=' && at(s, i + 1) != '=' && at(s, i + 1) != '>') || at(s, i) == ':';
  }

  /** End offset of a heredoc starting at i, -1 if i does not start one, -2 if it is never closed. */
  private static int heredocEnd(String s, int i) {
    if (at(s, i + 1) != '<') {
      return -1;
    }
    int j = i + 2;
    if (at(s, j) == '-') {
      j++;
    }
    int nameStart = j;
    while (j < s.length() && ExprParser.isIdentPart(s.charAt(j))) {
      j++;
    }
    if (j == nameStart || !ExprParser.isIdentStart(s.charAt(nameStart))) {
      return -1;
    }
    String marker = s.substring(nameStart, j);
    while (at(s, j) == ' ' || at(s, j) == '\t' || at(s, j) == '\r') {
      j++;
    }
    if (at(s, j) != '\n') {
      return -1;
    }
    int lineStart = j + 1;
    while (lineStart <= s.length()) {
      int end = lineEnd(s, lineStart);
      if (s.substring(lineStart, end).strip().equals(marker)) {
        return end;
      }
      if (end >= s.length()) {
        return -2;
      }
      lineStart = end + 1;
    }
    return -2;
  }
}
