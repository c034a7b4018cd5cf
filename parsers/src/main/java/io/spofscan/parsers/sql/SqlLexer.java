package io.spofscan.parsers.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements with exact start positions, the way psql and the MySQL client do:
 * a {@code ;} ends a statement unless it is inside a quoted string, a quoted identifier, a comment or a
 * PostgreSQL dollar-quoted body; a MySQL {@code DELIMITER} line changes the terminator; psql meta-commands
 * ({@code \set ...}) are skipped. JSqlParser parses one statement at a time and keeps no positions, so the statement
 * start comes from here. Comments are kept with their lines because migration tools put directives in them
 * ({@code --changeset}, {@code -- migrate:up}).
 */
final class SqlLexer {

  enum TokenType { WORD, QUOTED_IDENT, STRING, NUMBER, SYMBOL }

  /** One token; {@code offset} indexes the script text, line and column are 1-based. */
  record Token(TokenType type, String text, int offset, int line, int column) {
    /** Upper-cased text of a word, the unquoted name of a quoted identifier, the text otherwise. */
    String word() {
      return switch (type) {
        case WORD -> text.toUpperCase(Locale.ROOT);
        case QUOTED_IDENT -> text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
        default -> text;
      };
    }

    boolean is(String upperWord) {
      return type == TokenType.WORD && text.equalsIgnoreCase(upperWord);
    }

    /** A name as written, without quotes: words keep their case (folded by the caller if needed). */
    String name() {
      return type == TokenType.QUOTED_IDENT ? word() : text;
    }
  }

  /** A statement: its text (without the terminator), where it starts, and its tokens. */
  record Statement(String text, int offset, int line, int column, List<Token> tokens) {
    Statement {
      tokens = List.copyOf(tokens);
    }

    String leadingWords(int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < Math.min(n, tokens.size()); i++) {
        if (tokens.get(i).type() != TokenType.WORD) {
          break;
        }
        sb.append(sb.length() == 0 ? "" : " ").append(tokens.get(i).word());
      }
      return sb.toString();
    }
  }

  /** A comment's text (without its markers) and line. */
  record Comment(String text, int line) {}

  record Script(List<Statement> statements, List<Comment> comments, List<Integer> metaCommandLines) {}

  private final String src;
  private final boolean backslashEscapes;
  private final boolean hashComments;
  private int pos;
  private int line = 1;
  private int lineStart;

  private SqlLexer(String src, boolean mysql) {
    this.src = src;
    this.backslashEscapes = mysql;
    this.hashComments = mysql;
  }

  /** @param mysql MySQL lexical rules: backslash escapes in strings and {@code #} comments */
  static Script split(String text, boolean mysql) {
    return new SqlLexer(text, mysql).run();
  }

  private Script run() {
    List<Statement> statements = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    List<Integer> metaLines = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    String delimiter = ";";
    int stmtStart = -1;
    int stmtLine = 0;
    int stmtColumn = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        newline();
        continue;
      }
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      if (current.isEmpty() && atLineStart()) {
        if (c == '\\') { // psql meta-command: the rest of the line is not SQL
          metaLines.add(line);
          skipToLineEnd();
          continue;
        }
        if (startsWithWord("DELIMITER")) {
          int end = src.indexOf('\n', pos);
          String rest = src.substring(pos + "DELIMITER".length(), end < 0 ? src.length() : end).strip();
          if (!rest.isEmpty()) {
            delimiter = rest;
          }
          skipToLineEnd();
          continue;
        }
      }
      if (c == '-' && peek(1) == '-' || hashComments && c == '#') {
        int from = pos + (c == '#' ? 1 : 2);
        skipToLineEnd();
        comments.add(new Comment(src.substring(from, pos).strip(), line));
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        int commentLine = line;
        int from = pos + 2;
        skipBlockComment();
        comments.add(new Comment(src.substring(from, Math.max(from, pos - 2)).strip(), commentLine));
        continue;
      }
      if (src.startsWith(delimiter, pos)) {
        if (!current.isEmpty()) {
          statements.add(new Statement(src.substring(stmtStart, pos), stmtStart, stmtLine, stmtColumn, current));
          current = new ArrayList<>();
        }
        pos += delimiter.length();
        continue;
      }
      if (current.isEmpty()) {
        stmtStart = pos;
        stmtLine = line;
        stmtColumn = pos - lineStart + 1;
      }
      current.add(token());
    }
    if (!current.isEmpty()) {
      statements.add(new Statement(src.substring(stmtStart), stmtStart, stmtLine, stmtColumn, current));
    }
    return new Script(statements, comments, metaLines);
  }

  private Token token() {
    int start = pos;
    int tokLine = line;
    int tokColumn = pos - lineStart + 1;
    char c = src.charAt(pos);
    TokenType type;
    if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      pos++;
      quoted('\'', true);
      type = TokenType.STRING;
    } else if (c == '\'') {
      quoted('\'', backslashEscapes);
      type = TokenType.STRING;
    } else if (c == '"' || c == '`') {
      quoted(c, false);
      type = TokenType.QUOTED_IDENT;
    } else if (c == '$' && dollarTag() != null) {
      String tag = dollarTag();
      int close = src.indexOf(tag, pos + tag.length());
      advanceTo(close < 0 ? src.length() : close + tag.length());
      type = TokenType.STRING;
    } else if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
          || src.charAt(pos) == '$')) {
        pos++;
      }
      type = TokenType.WORD;
    } else if (Character.isDigit(c)) {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      type = TokenType.NUMBER;
    } else {
      pos++;
      type = TokenType.SYMBOL;
    }
    return new Token(type, src.substring(start, pos), start, tokLine, tokColumn);
  }

  /** {@code $$} or {@code $tag$} at the current position, or null (a {@code $1} parameter is not a tag). */
  private String dollarTag() {
    int i = pos + 1;
    while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
      i++;
    }
    if (i >= src.length() || src.charAt(i) != '$') {
      return null;
    }
    if (i > pos + 1 && Character.isDigit(src.charAt(pos + 1))) {
      return null;
    }
    return src.substring(pos, i + 1);
  }

  private void quoted(char quote, boolean escapes) {
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        newline();
        continue;
      }
      if (escapes && c == '\\') {
        pos = Math.min(src.length(), pos + 2);
        continue;
      }
      pos++;
      if (c == quote) {
        if (pos < src.length() && src.charAt(pos) == quote) {
          pos++; // doubled quote
        } else {
          return;
        }
      }
    }
  }

  private void skipBlockComment() {
    int depth = 0;
    while (pos < src.length()) {
      if (src.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (src.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else if (src.charAt(pos) == '\n') {
        newline();
      } else {
        pos++;
      }
    }
  }

  private void advanceTo(int end) {
    while (pos < end) {
      if (src.charAt(pos) == '\n') {
        newline();
      } else {
        pos++;
      }
    }
  }

  private void skipToLineEnd() {
    while (pos < src.length() && src.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void newline() {
    pos++;
    line++;
    lineStart = pos;
  }

  private boolean atLineStart() {
    for (int i = lineStart; i < pos; i++) {
      if (!Character.isWhitespace(src.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWithWord(String word) {
    return src.regionMatches(true, pos, word, 0, word.length())
        && (pos + word.length() >= src.length() || Character.isWhitespace(src.charAt(pos + word.length())));
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }
}
