package io.spofscan.parsers.sql;

import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.parsers.sql.SqlLexer.Token;
import io.spofscan.parsers.sql.SqlLexer.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Reads one statement into the located facts the lock rules need. JSqlParser parses the statement (its structure:
 * table, WHERE clause, the ALTER TABLE actions); PostgreSQL modifiers it has no grammar for ({@code CONCURRENTLY},
 * {@code NOT VALID}, {@code ONLY}, {@code SET DATA TYPE}, a partial index's {@code WHERE}) are read from the tokens
 * and blanked before parsing, and the statements it has no grammar for at all ({@code VACUUM}, {@code CLUSTER},
 * {@code REINDEX}, {@code LOCK}, {@code BEGIN}) are read from their leading keywords.
 */
final class StatementReader {

  /** A statement's facts, or the reason it could not be read. */
  record Read(Optional<Value.MapValue> facts, Optional<String> problem, boolean checked) {}

  /** Statements whose lock the rules judge; failing to read one of these is a warning, others are informational. */
  static final Set<String> CHECKED_KINDS = Set.of("ALTER TABLE", "UPDATE", "DELETE", "CREATE INDEX");

  private static final int MAX_STATEMENT_CHARS = 200_000;

  private final String path;
  private final boolean mysql;

  StatementReader(String path, boolean mysql) {
    this.path = path;
    this.mysql = mysql;
  }

  Read read(SqlLexer.Statement s) {
    List<Token> t = s.tokens();
    String kind = kind(t);
    Map<String, Value> facts = new LinkedHashMap<>();
    facts.put("kind", Value.of(kind, at(s.line(), s.column())));
    facts.put("line", Value.of(s.line(), at(s.line(), s.column())));
    switch (kind) {
      case "BEGIN", "COMMIT", "VACUUM", "CLUSTER", "REINDEX", "LOCK TABLE", "CREATE TABLE" -> {
        keywordFacts(kind, t, facts);
        if (kind.equals("CREATE TABLE")) {
          parse(s, kind); // measured for the parse rate; the new table's name is known from its tokens either way
        }
        return new Read(Optional.of(map(facts, s)), Optional.empty(), false);
      }
      case "CREATE INDEX", "ALTER TABLE", "UPDATE", "DELETE" -> {
        Optional<String> problem = parse(s, kind).problem();
        Statement parsed = parse(s, kind).statement();
        if (parsed == null) {
          if (kind.equals("CREATE INDEX")) {
            // the lock depends only on the leading keywords, which the tokens give exactly
            keywordFacts(kind, t, facts);
            return new Read(Optional.of(map(facts, s)), problem.map(p -> p + "; read from its keywords"), false);
          }
          return new Read(Optional.empty(), problem, true);
        }
        structureFacts(kind, parsed, t, facts);
        return new Read(Optional.of(map(facts, s)), Optional.empty(), true);
      }
      default -> {
        Parsed p = parse(s, kind);
        return new Read(Optional.empty(), p.problem(), false);
      }
    }
  }

  private record Parsed(Statement statement, Optional<String> problem) {}

  private final Map<Integer, Parsed> cache = new LinkedHashMap<>();

  private Parsed parse(SqlLexer.Statement s, String kind) {
    return cache.computeIfAbsent(s.offset(), k -> doParse(s, kind));
  }

  private Parsed doParse(SqlLexer.Statement s, String kind) {
    if (s.text().length() > MAX_STATEMENT_CHARS) {
      return new Parsed(null, Optional.of("statement longer than " + MAX_STATEMENT_CHARS + " characters: not parsed"));
    }
    String text = normalised(s, kind);
    try {
      Statement st = CCJSqlParserUtil.parse(text, p -> p.withBackslashEscapeCharacter(mysql).withTimeOut(5_000));
      return new Parsed(st, Optional.empty());
    } catch (JSQLParserException | RuntimeException e) {
      String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
          : String.valueOf(e.getMessage());
      String first = message.strip().split("\\R", 2)[0];
      return new Parsed(null, Optional.of(first.length() > 160 ? first.substring(0, 160) + "..." : first));
    }
  }

  /** The statement text with the PostgreSQL-only modifiers JSqlParser lacks blanked (offsets stay the same). */
  private static String normalised(SqlLexer.Statement s, String kind) {
    char[] text = s.text().toCharArray();
    List<Token> t = s.tokens();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      boolean blank = false;
      if (tok.is("CONCURRENTLY") || tok.is("ONLY") && i > 0 && (t.get(i - 1).is("TABLE") || t.get(i - 1).is("ON"))
          || tok.is("EXISTS") && i > 1 && t.get(i - 1).is("IF") && t.get(i - 2).is("TABLE") && kind.equals("ALTER TABLE")) {
        blank = true;
      } else if (tok.is("NOT") && i + 1 < t.size() && t.get(i + 1).is("VALID")) {
        blank(text, s, t.get(i + 1));
        blank = true;
      } else if (tok.is("IF") && i + 1 < t.size() && t.get(i + 1).is("EXISTS") && i > 0 && t.get(i - 1).is("TABLE")
          && kind.equals("ALTER TABLE")) {
        blank = true;
      } else if (tok.is("SET") && i + 2 < t.size() && t.get(i + 1).is("DATA") && t.get(i + 2).is("TYPE")) {
        blank(text, s, t.get(i + 1));
        blank = true;
      } else if (kind.equals("CREATE INDEX") && tok.is("WHERE") && depthBefore(t, i) == 0) {
        for (int j = i; j < t.size(); j++) {
          blank(text, s, t.get(j));
        }
        break;
      }
      if (blank) {
        blank(text, s, tok);
      }
    }
    return new String(text);
  }

  private static void blank(char[] text, SqlLexer.Statement s, Token tok) {
    int from = tok.offset() - s.offset();
    for (int k = from; k < from + tok.text().length() && k < text.length; k++) {
      if (text[k] != '\n') {
        text[k] = ' ';
      }
    }
  }

  static String kind(List<Token> t) {
    String w0 = word(t, 0);
    String w1 = word(t, 1);
    switch (w0) {
      case "BEGIN", "START" -> {
        return w0.equals("START") && !w1.equals("TRANSACTION") ? "OTHER" : "BEGIN";
      }
      case "COMMIT", "END" -> {
        return "COMMIT";
      }
      case "ROLLBACK" -> {
        return w1.equals("TO") ? "OTHER" : "COMMIT";
      }
      case "UPDATE", "DELETE", "VACUUM", "CLUSTER", "REINDEX" -> {
        return w0;
      }
      case "LOCK" -> {
        return "LOCK TABLE";
      }
      case "ALTER" -> {
        return w1.equals("TABLE") ? "ALTER TABLE" : "OTHER";
      }
      case "CREATE" -> {
        for (int i = 1; i < Math.min(t.size(), 6); i++) {
          String w = word(t, i);
          if (w.equals("TABLE")) {
            return "CREATE TABLE";
          }
          if (w.equals("INDEX")) {
            return "CREATE INDEX";
          }
          if (!Set.of("OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE", "FULLTEXT",
              "SPATIAL").contains(w)) {
            return "OTHER";
          }
        }
        return "OTHER";
      }
      default -> {
        return "OTHER";
      }
    }
  }

  /** Facts read from the leading keywords of statements JSqlParser has no grammar for. */
  private void keywordFacts(String kind, List<Token> t, Map<String, Value> facts) {
    switch (kind) {
      case "CREATE TABLE" -> {
        int i = indexOf(t, "TABLE", 0) + 1;
        i = skipWords(t, i, "IF", "NOT", "EXISTS");
        table(t, i, facts);
      }
      case "CREATE INDEX" -> {
        int idx = indexOf(t, "INDEX", 0);
        flag(t, idx + 1, "CONCURRENTLY", "concurrently", facts);
        int on = indexOf(t, "ON", idx);
        if (on > 0) {
          table(t, skipWords(t, on + 1, "ONLY"), facts);
        }
        mysqlOptions(t, facts);
      }
      case "REINDEX" -> {
        int i = 1;
        if (i < t.size() && t.get(i).text().equals("(")) {
          i = closing(t, i) + 1;
        }
        if (i < t.size()) {
          facts.put("target", Value.of(word(t, i), at(t.get(i))));
        }
        flag(t, i + 1, "CONCURRENTLY", "concurrently", facts);
        int name = skipWords(t, i + 1, "CONCURRENTLY");
        if (name < t.size()) {
          table(t, name, facts);
        }
      }
      case "VACUUM" -> {
        boolean full = false;
        SourceRange where = at(t.get(0));
        for (int i = 1; i < t.size(); i++) {
          if (t.get(i).is("FULL")) {
            boolean off = i + 1 < t.size() && (t.get(i + 1).is("FALSE") || t.get(i + 1).is("OFF")
                || t.get(i + 1).text().equals("0"));
            full = !off;
            where = at(t.get(i));
            break;
          }
        }
        facts.put("full", Value.of(full, where));
        int i = 1;
        if (i < t.size() && t.get(i).text().equals("(")) {
          i = closing(t, i) + 1;
        }
        i = skipWords(t, i, "FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE");
        if (i < t.size()) {
          table(t, i, facts);
        }
      }
      case "CLUSTER" -> {
        int i = skipWords(t, 1, "VERBOSE");
        if (i < t.size() && t.get(i).text().equals("(")) {
          i = skipWords(t, closing(t, i) + 1, "VERBOSE");
        }
        if (i < t.size()) {
          table(t, i, facts);
        }
      }
      case "LOCK TABLE" -> {
        int i = skipWords(t, 1, "TABLE", "TABLES", "ONLY");
        table(t, i, facts);
        int in = indexOf(t, "IN", i);
        StringBuilder mode = new StringBuilder();
        if (in > 0) {
          for (int j = in + 1; j < t.size() && !t.get(j).is("MODE"); j++) {
            mode.append(mode.length() == 0 ? "" : " ").append(word(t, j));
          }
        } else {
          // PostgreSQL's default; MySQL's LOCK TABLES names READ or WRITE after the table
          int rw = i + 1 < t.size() && (t.get(i + 1).is("WRITE") || t.get(i + 1).is("READ")) ? i + 1 : -1;
          mode.append(rw > 0 ? word(t, rw) : "ACCESS EXCLUSIVE");
        }
        facts.put("mode", Value.of(mode.toString(), at(t.get(in > 0 ? in : 0))));
      }
      default -> { }
    }
  }

  /** Facts of a statement JSqlParser parsed, located through its tokens. */
  private void structureFacts(String kind, Statement parsed, List<Token> t, Map<String, Value> facts) {
    switch (kind) {
      case "UPDATE" -> {
        Update u = (Update) parsed;
        int i = skipWords(t, 1, "ONLY", "LOW_PRIORITY", "IGNORE");
        table(t, i, facts);
        facts.put("where", Value.of(u.getWhere() != null, whereAt(t)));
        facts.put("limit", Value.of(u.getLimit() != null, at(t.get(0))));
      }
      case "DELETE" -> {
        Delete d = (Delete) parsed;
        int from = indexOf(t, "FROM", 0);
        table(t, skipWords(t, from < 0 ? 1 : from + 1, "ONLY"), facts);
        facts.put("where", Value.of(d.getWhere() != null, whereAt(t)));
        facts.put("limit", Value.of(d.getLimit() != null, at(t.get(0))));
      }
      case "CREATE INDEX" -> keywordFacts(kind, t, facts);
      case "ALTER TABLE" -> {
        Alter alter = (Alter) parsed;
        int i = skipWords(t, 2, "IF", "EXISTS", "ONLY");
        int afterName = table(t, i, facts);
        List<Value> actions = new ArrayList<>();
        for (List<Token> segment : segments(t, afterName)) {
          actions.add(action(segment));
        }
        facts.put("actions", new Value.ListValue(actions, at(t.get(0))));
        facts.put("parsedActions", Value.of(alter.getAlterExpressions() == null ? 0
            : alter.getAlterExpressions().size(), at(t.get(0))));
        mysqlOptions(t, facts);
      }
      default -> { }
    }
    if (parsed instanceof CreateTable || parsed instanceof CreateIndex) {
      return;
    }
  }

  /** One ALTER TABLE action: what it does, to which column or constraint, located at its first token. */
  private Value action(List<Token> s) {
    Map<String, Value> a = new LinkedHashMap<>();
    SourceRange start = at(s.get(0));
    String w0 = word(s, 0);
    String action = "OTHER";
    if (w0.equals("ADD")) {
      int i = skipWords(s, 1, "COLUMN");
      boolean explicitColumn = s.size() > 1 && s.get(1).is("COLUMN");
      i = skipWords(s, i, "IF", "NOT", "EXISTS");
      String next = word(s, i);
      if (!explicitColumn && Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "INDEX", "KEY",
          "FULLTEXT", "SPATIAL", "PARTITION").contains(next)) {
        int c = next.equals("CONSTRAINT") ? i + 2 : i;
        if (next.equals("CONSTRAINT") && i + 1 < s.size()) {
          a.put("name", Value.of(s.get(i + 1).name(), at(s.get(i + 1))));
        }
        String type = word(s, c);
        String constraint = switch (type) {
          case "PRIMARY" -> "PRIMARY KEY";
          case "FOREIGN" -> "FOREIGN KEY";
          case "CHECK" -> "CHECK";
          case "UNIQUE" -> "UNIQUE";
          case "EXCLUDE" -> "EXCLUDE";
          case "INDEX", "KEY" -> "INDEX";
          case "FULLTEXT", "SPATIAL" -> type;
          default -> type;
        };
        action = constraint.equals("INDEX") || constraint.equals("FULLTEXT") || constraint.equals("SPATIAL")
            ? "ADD INDEX" : "ADD CONSTRAINT";
        a.put("constraint", Value.of(constraint, at(s.get(Math.min(c, s.size() - 1)))));
        int not = indexOfPair(s, "NOT", "VALID");
        a.put("notValid", Value.of(not >= 0, not >= 0 ? at(s.get(not)) : start));
        int using = indexOfPair(s, "USING", "INDEX");
        a.put("usingIndex", Value.of(using >= 0, using >= 0 ? at(s.get(using)) : start));
        if (constraint.equals("CHECK")) {
          checkNotNullColumn(s, c + 1).ifPresent(col -> a.put("checksNotNull", col));
        }
      } else if (i < s.size()) {
        action = "ADD COLUMN";
        a.put("column", Value.of(folded(s.get(i)), at(s.get(i))));
        if (i + 1 < s.size()) {
          a.put("type", Value.of(word(s, i + 1), at(s.get(i + 1))));
        }
        int def = indexOf(s, "DEFAULT", i + 1);
        if (def > 0 && def + 1 < s.size()) {
          a.put("default", Value.of(expressionText(s, def + 1), at(s.get(def))));
          a.put("defaultFunction", functionName(s, def + 1).map(f -> Value.of(f, at(s.get(def + 1))))
              .orElse(Value.of(null, at(s.get(def)))));
        }
        int gen = indexOf(s, "GENERATED", i + 1);
        if (gen > 0 && indexOf(s, "STORED", gen) > 0) {
          a.put("generatedStored", Value.of(true, at(s.get(gen))));
        }
        int notNull = indexOfPair(s, "NOT", "NULL");
        a.put("notNull", Value.of(notNull > 0, notNull > 0 ? at(s.get(notNull)) : start));
      }
    } else if (w0.equals("ALTER")) {
      int i = skipWords(s, 1, "COLUMN");
      if (i < s.size()) {
        a.put("column", Value.of(folded(s.get(i)), at(s.get(i))));
      }
      int type = indexOf(s, "TYPE", i + 1);
      int setNotNull = indexOfPair(s, "SET", "NOT");
      if (type > 0 && (type == i + 1 || s.get(type - 1).is("DATA"))) {
        action = "ALTER COLUMN TYPE";
        a.put("type", Value.of(type + 1 < s.size() ? word(s, type + 1) : "", at(s.get(type))));
        a.put("typeAt", Value.of(true, at(s.get(type - (s.get(type - 1).is("DATA") ? 2 : 0)))));
      } else if (setNotNull > 0 && setNotNull + 2 < s.size() && s.get(setNotNull + 2).is("NULL")) {
        action = "SET NOT NULL";
        a.put("setNotNullAt", Value.of(true, at(s.get(setNotNull))));
      } else {
        action = "ALTER COLUMN";
      }
    } else if (w0.equals("VALIDATE")) {
      action = "VALIDATE CONSTRAINT";
      if (s.size() > 2) {
        a.put("name", Value.of(s.get(2).name(), at(s.get(2))));
      }
    } else if (w0.equals("MODIFY") || w0.equals("CHANGE")) {
      action = "MODIFY COLUMN";
      int i = skipWords(s, 1, "COLUMN");
      if (w0.equals("CHANGE")) {
        i++; // CHANGE old new type
      }
      if (i < s.size()) {
        a.put("column", Value.of(folded(s.get(i)), at(s.get(i))));
      }
      if (i + 1 < s.size()) {
        a.put("type", Value.of(word(s, i + 1), at(s.get(i + 1))));
      }
    } else if (w0.equals("ALGORITHM") || w0.equals("LOCK")) {
      action = w0;
      Token v = s.get(s.size() - 1);
      a.put("value", Value.of(v.word(), at(v)));
    } else if (w0.equals("CONVERT")) {
      action = "CONVERT CHARACTER SET";
    } else if (w0.equals("ENGINE")) {
      action = "ENGINE";
    } else if (w0.equals("DROP")) {
      String w1 = word(s, 1);
      action = w1.equals("PRIMARY") ? "DROP PRIMARY KEY" : w1.equals("CONSTRAINT") || w1.equals("FOREIGN")
          ? "DROP CONSTRAINT" : w1.equals("INDEX") || w1.equals("KEY") ? "DROP INDEX" : "DROP COLUMN";
    } else if (w0.equals("SET") && (word(s, 1).equals("LOGGED") || word(s, 1).equals("UNLOGGED"))) {
      action = "SET " + word(s, 1);
    } else if (w0.equals("RENAME")) {
      action = "RENAME";
    }
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("action", Value.of(action, start));
    out.putAll(a);
    return new Value.MapValue(out, start);
  }

  /** {@code CHECK (col IS NOT NULL)}: the column such a check proves not null. */
  private Optional<Value> checkNotNullColumn(List<Token> s, int open) {
    if (open + 5 < s.size() && s.get(open).text().equals("(") && s.get(open + 2).is("IS") && s.get(open + 3).is("NOT")
        && s.get(open + 4).is("NULL") && s.get(open + 5).text().equals(")")) {
      return Optional.of(Value.of(folded(s.get(open + 1)), at(s.get(open + 1))));
    }
    return Optional.empty();
  }

  private static Optional<String> functionName(List<Token> s, int i) {
    if (i + 1 < s.size() && s.get(i).type() == TokenType.WORD && s.get(i + 1).text().equals("(")) {
      return Optional.of(s.get(i).text().toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private static String expressionText(List<Token> s, int from) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (int i = from; i < s.size(); i++) {
      Token tok = s.get(i);
      if (depth == 0 && tok.type() == TokenType.WORD && Set.of("NOT", "NULL", "CONSTRAINT", "REFERENCES", "CHECK",
          "UNIQUE", "PRIMARY", "GENERATED", "COLLATE", "ON", "AFTER", "FIRST", "COMMENT").contains(tok.word())) {
        break;
      }
      depth += tok.text().equals("(") ? 1 : tok.text().equals(")") ? -1 : 0;
      sb.append(tok.text());
      if (sb.length() > 200) {
        break;
      }
    }
    return sb.toString();
  }

  /** MySQL {@code ALGORITHM=} and {@code LOCK=} clauses of ALTER TABLE / CREATE INDEX. */
  private void mysqlOptions(List<Token> t, Map<String, Value> facts) {
    for (int i = 0; i + 1 < t.size(); i++) {
      if ((t.get(i).is("ALGORITHM") || t.get(i).is("LOCK")) && i > 0) {
        int v = t.get(i + 1).text().equals("=") ? i + 2 : i + 1;
        if (v < t.size()) {
          facts.put(t.get(i).is("ALGORITHM") ? "algorithm" : "lock", Value.of(t.get(v).word(), at(t.get(i))));
        }
      }
    }
  }

  /** The actions of ALTER TABLE: token runs between top-level commas. */
  private static List<List<Token>> segments(List<Token> t, int from) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    for (int i = from; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.text().equals("(")) {
        depth++;
      } else if (tok.text().equals(")")) {
        depth--;
      }
      if (depth == 0 && tok.text().equals(",")) {
        if (!current.isEmpty()) {
          out.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(tok);
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** Puts {@code table} (and {@code schema}) from a possibly qualified name at {@code i}; returns the next index. */
  private int table(List<Token> t, int i, Map<String, Value> facts) {
    if (i >= t.size() || t.get(i).type() != TokenType.WORD && t.get(i).type() != TokenType.QUOTED_IDENT) {
      return i;
    }
    Token name = t.get(i);
    int next = i + 1;
    while (next + 1 < t.size() && t.get(next).text().equals(".")) {
      facts.put("schema", Value.of(folded(name), at(name)));
      name = t.get(next + 1);
      next += 2;
    }
    facts.put("table", Value.of(folded(name), at(t.get(i))));
    return next;
  }

  /** PostgreSQL folds unquoted names to lower case; the rules compare names that way. */
  private static String folded(Token t) {
    return t.type() == TokenType.QUOTED_IDENT ? t.word() : t.text().toLowerCase(Locale.ROOT);
  }

  private SourceRange whereAt(List<Token> t) {
    int w = indexOf(t, "WHERE", 0);
    return at(t.get(w < 0 ? 0 : w));
  }

  private void flag(List<Token> t, int i, String word, String key, Map<String, Value> facts) {
    boolean present = i < t.size() && t.get(i).is(word);
    facts.put(key, Value.of(present, at(t.get(present ? i : 0))));
  }

  private static int depthBefore(List<Token> t, int i) {
    int depth = 0;
    for (int j = 0; j < i; j++) {
      depth += t.get(j).text().equals("(") ? 1 : t.get(j).text().equals(")") ? -1 : 0;
    }
    return depth;
  }

  private static int closing(List<Token> t, int open) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      depth += t.get(i).text().equals("(") ? 1 : t.get(i).text().equals(")") ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return t.size() - 1;
  }

  private static int skipWords(List<Token> t, int i, String... words) {
    Set<String> skip = Set.of(words);
    while (i < t.size() && t.get(i).type() == TokenType.WORD && skip.contains(t.get(i).word())) {
      i++;
    }
    return i;
  }

  private static int indexOf(List<Token> t, String word, int from) {
    for (int i = Math.max(0, from); i < t.size(); i++) {
      if (t.get(i).is(word)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfPair(List<Token> t, String first, String second) {
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).is(first) && t.get(i + 1).is(second)) {
        return i;
      }
    }
    return -1;
  }

  private static String word(List<Token> t, int i) {
    return i < t.size() && t.get(i).type() == TokenType.WORD ? t.get(i).word() : "";
  }

  private SourceRange at(Token t) {
    return at(t.line(), t.column());
  }

  private SourceRange at(int line, int column) {
    return SourceRange.at(path, line, column);
  }

  private Value.MapValue map(Map<String, Value> facts, SqlLexer.Statement s) {
    return new Value.MapValue(facts, at(s.line(), s.column()));
  }
}
