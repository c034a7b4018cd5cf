package io.spofscan.parsers.terraform;

import io.spofscan.core.model.SourceRange;
import io.spofscan.parsers.terraform.Expr.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent, precedence-climbing parser of HCL native-syntax expressions, working on the original source
 * text so every node keeps its offset. Nesting is bounded ({@link #MAX_DEPTH}) so hostile input cannot overflow the
 * stack. Newlines end an expression except inside parentheses and brackets, as in HCL.
 */
final class ExprParser {
  static final int MAX_DEPTH = 200;

  /** A syntax error at a character offset. */
  static final class SyntaxError extends Exception {
    private final int offset;

    SyntaxError(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }

    int offset() {
      return offset;
    }
  }

  private static final String[][] BINARY_LEVELS = {
      {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};

  private final String s;
  private final LineIndex lines;
  private final SourceRange fixedRange;
  private int p;
  private int depth;
  private boolean newlineEnds = true;

  ExprParser(String text, LineIndex lines) {
    this(text, lines, null);
  }

  /** With {@code fixedRange}, every node is located there (text that is not a file, e.g. a JSON string). */
  ExprParser(String text, LineIndex lines, SourceRange fixedRange) {
    this.s = text;
    this.lines = lines;
    this.fixedRange = fixedRange;
  }

  int position() {
    return p;
  }

  /** Parses one expression starting at {@code offset}; {@link #position()} is then just after it. */
  Expr parseAt(int offset) throws SyntaxError {
    p = offset;
    depth = 0;
    newlineEnds = true;
    return expression();
  }

  /** The whole text as a template without quotes (Terraform JSON strings). */
  Expr parseWholeTemplate() throws SyntaxError {
    p = 0;
    Expr t = template(0, TemplateEnd.EOF, s.length());
    if (t instanceof Expr.Template tpl && tpl.parts().size() == 1 && tpl.parts().get(0) instanceof Expr e) {
      return e; // "${expr}" alone keeps the expression's own type
    }
    return t;
  }

  /** Skips blanks and comments; newlines too unless they end the current expression. */
  void skipSpace() throws SyntaxError {
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !newlineEnds)) {
        p++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (p < s.length() && s.charAt(p) != '\n') {
          p++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = s.indexOf("*/", p + 2);
        if (end < 0) {
          throw new SyntaxError(p, "unterminated /* comment");
        }
        p = end + 2;
      } else {
        return;
      }
    }
  }

  /** Skips blanks, comments and newlines. */
  void skipAllSpace() throws SyntaxError {
    boolean saved = newlineEnds;
    newlineEnds = false;
    skipSpace();
    newlineEnds = saved;
  }

  private char peek(int ahead) {
    int i = p + ahead;
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private SourceRange at(int offset) {
    return fixedRange != null ? fixedRange : lines.at(offset);
  }

  private void enter() throws SyntaxError {
    if (++depth > MAX_DEPTH) {
      throw new SyntaxError(p, "expression nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  Expr expression() throws SyntaxError {
    enter();
    try {
      int start = p;
      skipSpace();
      start = p;
      Expr condition = binary(0);
      skipSpace();
      if (peek(0) == '?') {
        p++;
        skipAllSpace();
        Expr yes = expression();
        skipAllSpace();
        expect(':');
        skipAllSpace();
        Expr no = expression();
        return new Expr.Conditional(condition, yes, no, at(start));
      }
      return condition;
    } finally {
      depth--;
    }
  }

  private Expr binary(int level) throws SyntaxError {
    if (level == BINARY_LEVELS.length) {
      return unary();
    }
    int start = p;
    Expr left = binary(level + 1);
    while (true) {
      int save = p;
      skipSpace();
      String op = matchOperator(level);
      if (op == null) {
        p = save;
        return left;
      }
      p += op.length();
      skipAllSpace();
      Expr right = binary(level + 1);
      left = new Expr.Binary(op, left, right, at(start));
    }
  }

  private String matchOperator(int level) {
    for (String op : BINARY_LEVELS[level]) {
      if (s.startsWith(op, p)) {
        char next = peek(op.length());
        if ((op.equals("<") || op.equals(">")) && next == '=') {
          continue;
        }
        if (op.equals("<") && next == '<') {
          return null;
        }
        if (op.equals("*") && peek(-1) == '.') {
          return null;
        }
        return op;
      }
    }
    return null;
  }

  private Expr unary() throws SyntaxError {
    enter();
    try {
      skipSpace();
      int start = p;
      char c = peek(0);
      if (c == '!' && peek(1) != '=') {
        p++;
        return new Expr.Unary("!", unary(), at(start));
      }
      if (c == '-' && peek(1) != '-') {
        p++;
        return new Expr.Unary("-", unary(), at(start));
      }
      return postfix();
    } finally {
      depth--;
    }
  }

  private Expr postfix() throws SyntaxError {
    int start = p;
    Expr base = primary();
    List<Step> steps = new ArrayList<>();
    while (true) {
      char c = peek(0);
      if (c == '.' && peek(1) == '*') {
        p += 2;
        steps.add(new Expr.Splat());
      } else if (c == '.' && isIdentStart(peek(1))) {
        p++;
        steps.add(new Expr.GetAttr(identifier()));
      } else if (c == '.' && Character.isDigit(peek(1))) {
        p++;
        int st = p;
        while (Character.isDigit(peek(0))) {
          p++;
        }
        steps.add(new Expr.Index(new Expr.Literal(new BigDecimal(s.substring(st, p)), at(st))));
      } else if (c == '[') {
        boolean saved = newlineEnds;
        newlineEnds = false;
        p++;
        skipSpace();
        if (peek(0) == '*') {
          p++;
          skipSpace();
          expect(']');
          steps.add(new Expr.Splat());
        } else {
          Expr key = expression();
          skipSpace();
          expect(']');
          steps.add(new Expr.Index(key));
        }
        newlineEnds = saved;
      } else {
        break;
      }
    }
    if (steps.isEmpty()) {
      return base;
    }
    if (base instanceof Expr.Traversal t && t.steps().isEmpty()) {
      return new Expr.Traversal(t.root(), steps, t.range());
    }
    return new Expr.Postfix(base, steps, at(start));
  }

  private Expr primary() throws SyntaxError {
    skipSpace();
    int start = p;
    if (p >= s.length()) {
      throw new SyntaxError(p, "missing expression");
    }
    char c = s.charAt(p);
    if (Character.isDigit(c)) {
      return number();
    }
    if (c == '"') {
      p++;
      return template(start, TemplateEnd.QUOTE, s.length());
    }
    if (c == '<' && peek(1) == '<') {
      return heredoc();
    }
    if (c == '(') {
      boolean saved = newlineEnds;
      newlineEnds = false;
      p++;
      Expr inner = expression();
      skipSpace();
      expect(')');
      newlineEnds = saved;
      return inner;
    }
    if (c == '[') {
      return tuple();
    }
    if (c == '{') {
      return object();
    }
    if (isIdentStart(c)) {
      String name = identifier();
      switch (name) {
        case "true":
          return new Expr.Literal(Boolean.TRUE, at(start));
        case "false":
          return new Expr.Literal(Boolean.FALSE, at(start));
        case "null":
          return new Expr.Literal(null, at(start));
        default:
          break;
      }
      while (peek(0) == ':' && peek(1) == ':' && isIdentStart(peek(2))) {
        p += 2;
        name = name + "::" + identifier(); // provider-defined function
      }
      int save = p;
      skipSpace();
      if (peek(0) == '(') {
        return call(name, start);
      }
      p = save;
      return new Expr.Traversal(name, List.of(), at(start));
    }
    throw new SyntaxError(p, "unexpected character '" + printable(c) + "'");
  }

  private Expr call(String name, int start) throws SyntaxError {
    boolean saved = newlineEnds;
    newlineEnds = false;
    p++;
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    skipSpace();
    while (peek(0) != ')') {
      args.add(expression());
      skipSpace();
      if (s.startsWith("...", p)) {
        p += 3;
        expand = true;
        skipSpace();
      }
      if (peek(0) == ',') {
        p++;
        skipSpace();
      } else if (peek(0) != ')') {
        throw new SyntaxError(p, "expected ',' or ')' in the arguments of " + name + "()");
      }
    }
    p++;
    newlineEnds = saved;
    return new Expr.Call(name, args, expand, at(start));
  }

  private Expr number() throws SyntaxError {
    int start = p;
    while (Character.isDigit(peek(0))) {
      p++;
    }
    if (peek(0) == '.' && Character.isDigit(peek(1))) {
      p++;
      while (Character.isDigit(peek(0))) {
        p++;
      }
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
      p += 2;
      while (Character.isDigit(peek(0))) {
        p++;
      }
    }
    try {
      return new Expr.Literal(new BigDecimal(s.substring(start, p)), at(start));
    } catch (NumberFormatException e) {
      throw new SyntaxError(start, "bad number");
    }
  }

  private Expr tuple() throws SyntaxError {
    int start = p;
    boolean saved = newlineEnds;
    newlineEnds = false;
    p++;
    skipSpace();
    if (atKeyword("for")) {
      Expr f = forExpr(start, false);
      newlineEnds = saved;
      return f;
    }
    List<Expr> items = new ArrayList<>();
    while (peek(0) != ']') {
      items.add(expression());
      skipSpace();
      if (peek(0) == ',') {
        p++;
        skipSpace();
      } else if (peek(0) != ']') {
        throw new SyntaxError(p, "expected ',' or ']' in a list");
      }
    }
    p++;
    newlineEnds = saved;
    return new Expr.Tuple(items, at(start));
  }

  private Expr object() throws SyntaxError {
    int start = p;
    boolean saved = newlineEnds;
    p++;
    skipAllSpace();
    if (atKeyword("for")) {
      newlineEnds = false;
      Expr f = forExpr(start, true);
      newlineEnds = saved;
      return f;
    }
    List<Expr.Item> items = new ArrayList<>();
    while (true) {
      skipAllSpace();
      if (peek(0) == ',') {
        p++;
        continue;
      }
      if (peek(0) == '}') {
        break;
      }
      if (p >= s.length()) {
        throw new SyntaxError(start, "unclosed '{'");
      }
      int keyStart = p;
      newlineEnds = true;
      Expr key = binary(0);
      if (key instanceof Expr.Traversal t && t.steps().isEmpty() && s.charAt(keyStart) != '(') {
        key = new Expr.Literal(t.root(), t.range());
      }
      skipSpace();
      if ((peek(0) == '=' && peek(1) != '=') || peek(0) == ':') {
        p++;
      } else {
        throw new SyntaxError(p, "expected '=' after an object key");
      }
      Expr value = expression();
      items.add(new Expr.Item(key, value, at(keyStart)));
      skipSpace();
      char c = peek(0);
      if (c != ',' && c != '\n' && c != '}') {
        throw new SyntaxError(p, "expected ',' or a new line after an object item");
      }
    }
    p++;
    newlineEnds = saved;
    return new Expr.ObjectCons(items, at(start));
  }

  private Expr forExpr(int start, boolean object) throws SyntaxError {
    p += 3;
    skipSpace();
    String first = identifier();
    String second = null;
    skipSpace();
    if (peek(0) == ',') {
      p++;
      skipSpace();
      second = identifier();
      skipSpace();
    }
    if (!atKeyword("in")) {
      throw new SyntaxError(p, "expected 'in' in a for expression");
    }
    p += 2;
    Expr collection = expression();
    skipSpace();
    expect(':');
    Expr key = null;
    Expr value = expression();
    skipSpace();
    if (object) {
      if (!s.startsWith("=>", p)) {
        throw new SyntaxError(p, "expected '=>' in a for expression");
      }
      p += 2;
      key = value;
      value = expression();
      skipSpace();
    }
    boolean grouping = false;
    if (s.startsWith("...", p)) {
      p += 3;
      grouping = true;
      skipSpace();
    }
    Expr condition = null;
    if (atKeyword("if")) {
      p += 2;
      condition = expression();
      skipSpace();
    }
    expect(object ? '}' : ']');
    String keyVar = second == null ? null : first;
    String valueVar = second == null ? first : second;
    return new Expr.For(keyVar, valueVar, collection, key, value, condition, grouping, object, at(start));
  }

  private enum TemplateEnd { QUOTE, EOF, HEREDOC }

  /** Template content from {@link #p} up to the closing quote (QUOTE) or {@code limit}. */
  private Expr template(int start, TemplateEnd end, int limit) throws SyntaxError {
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    boolean directive = false;
    while (true) {
      if (p >= limit) {
        if (end == TemplateEnd.QUOTE) {
          throw new SyntaxError(start, "unterminated string");
        }
        break;
      }
      char c = s.charAt(p);
      if (end == TemplateEnd.QUOTE && c == '"') {
        p++;
        break;
      }
      if (end == TemplateEnd.QUOTE && c == '\n') {
        throw new SyntaxError(start, "unterminated string");
      }
      if (c == '\\' && end == TemplateEnd.QUOTE) {
        p++;
        lit.append(escape());
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        lit.append(c).append('{');
        p += 3;
        continue;
      }
      if (c == '$' && peek(1) == '{') {
        if (lit.length() > 0) {
          parts.add(lit.toString());
          lit.setLength(0);
        }
        boolean saved = newlineEnds;
        newlineEnds = false;
        p += 2;
        if (peek(0) == '~') {
          p++;
        }
        parts.add(expression());
        skipSpace();
        if (peek(0) == '~') {
          p++;
        }
        expect('}');
        newlineEnds = saved;
        continue;
      }
      if (c == '%' && peek(1) == '{') {
        directive = true;
        skipDirective(limit);
        continue;
      }
      lit.append(c);
      p++;
    }
    if (lit.length() > 0 || parts.isEmpty()) {
      parts.add(lit.toString());
    }
    if (parts.size() == 1 && parts.get(0) instanceof String str && !directive) {
      return new Expr.Literal(str, at(start));
    }
    return new Expr.Template(parts, directive, at(start));
  }

  private void skipDirective(int limit) throws SyntaxError {
    int start = p;
    p += 2;
    int nesting = 1;
    while (p < limit && nesting > 0) {
      char c = s.charAt(p);
      if (c == '{') {
        nesting++;
      } else if (c == '}') {
        nesting--;
      } else if (c == '"') {
        int q = p + 1;
        while (q < limit && s.charAt(q) != '"') {
          q += s.charAt(q) == '\\' ? 2 : 1;
        }
        p = q;
      }
      p++;
    }
    if (nesting > 0) {
      throw new SyntaxError(start, "unterminated template directive");
    }
  }

  private String escape() throws SyntaxError {
    char c = peek(0);
    p++;
    switch (c) {
      case 'n':
        return "\n";
      case 't':
        return "\t";
      case 'r':
        return "\r";
      case '"':
        return "\"";
      case '\\':
        return "\\";
      case 'u':
      case 'U': {
        int len = c == 'u' ? 4 : 8;
        if (p + len > s.length()) {
          throw new SyntaxError(p, "bad unicode escape");
        }
        try {
          int cp = Integer.parseInt(s.substring(p, p + len), 16);
          p += len;
          return new String(Character.toChars(cp));
        } catch (IllegalArgumentException e) {
          throw new SyntaxError(p, "bad unicode escape");
        }
      }
      default:
        throw new SyntaxError(p - 2, "invalid escape \\" + printable(c));
    }
  }

  private Expr heredoc() throws SyntaxError {
    int start = p;
    p += 2;
    boolean indented = peek(0) == '-';
    if (indented) {
      p++;
    }
    if (!isIdentStart(peek(0))) {
      throw new SyntaxError(p, "expected a heredoc marker after <<");
    }
    String marker = identifier();
    while (peek(0) == ' ' || peek(0) == '\t' || peek(0) == '\r') {
      p++;
    }
    if (peek(0) != '\n') {
      throw new SyntaxError(p, "expected a new line after the heredoc marker");
    }
    p++;
    int contentStart = p;
    int lineStart = p;
    int contentEnd = -1;
    while (lineStart <= s.length()) {
      int nl = s.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? s.length() : nl;
      if (s.substring(lineStart, lineEnd).strip().equals(marker)) {
        contentEnd = lineStart;
        p = lineStart + s.substring(lineStart, lineEnd).indexOf(marker) + marker.length();
        break;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    if (contentEnd < 0) {
      throw new SyntaxError(start, "unterminated heredoc <<" + marker);
    }
    int after = p;
    p = contentStart;
    Expr t = template(start, TemplateEnd.HEREDOC, contentEnd);
    p = after;
    if (!indented) {
      return t;
    }
    int indent = minIndent(s.substring(contentStart, contentEnd));
    if (t instanceof Expr.Literal l && l.value() instanceof String str) {
      return new Expr.Literal(dedent(str, indent, true), l.range());
    }
    Expr.Template tpl = (Expr.Template) t;
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < tpl.parts().size(); i++) {
      Object part = tpl.parts().get(i);
      parts.add(part instanceof String str ? dedent(str, indent, i == 0) : part);
    }
    return new Expr.Template(parts, tpl.hasDirective(), tpl.range());
  }

  private static int minIndent(String content) {
    int min = Integer.MAX_VALUE;
    for (String line : content.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      min = Math.min(min, i);
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  private static String dedent(String text, int indent, boolean atLineStart) {
    StringBuilder out = new StringBuilder();
    boolean lineStart = atLineStart;
    int skipped = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineStart && skipped < indent && (c == ' ' || c == '\t')) {
        skipped++;
        continue;
      }
      lineStart = c == '\n';
      skipped = 0;
      out.append(c);
    }
    return out.toString();
  }

  private boolean atKeyword(String word) {
    return s.startsWith(word, p) && !isIdentPart(peek(word.length()));
  }

  String identifier() throws SyntaxError {
    if (!isIdentStart(peek(0))) {
      throw new SyntaxError(p, "expected a name");
    }
    int start = p;
    while (p < s.length() && isIdentPart(s.charAt(p))) {
      p++;
    }
    return s.substring(start, p);
  }

  private void expect(char c) throws SyntaxError {
    if (peek(0) != c) {
      throw new SyntaxError(p, p >= s.length() ? "expected '" + c + "' before the end of the file"
          : "expected '" + c + "' but found '" + printable(peek(0)) + "'");
    }
    p++;
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static String printable(char c) {
    return c == '\n' ? "\\n" : c < 32 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
  }
}
