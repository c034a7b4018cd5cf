package io.spofscan.parsers.sql;

import io.spofscan.core.model.Diagnostic;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.SourceRange;
import io.spofscan.core.model.Value;
import io.spofscan.core.scan.ScanOptions;
import io.spofscan.core.scan.SourceFile;
import io.spofscan.parsers.yaml.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL migration files into one {@link Resource} each ({@code type: sql migration}), whose body lists the
 * statements the lock rules judge, every fact located at its token:
 * <pre>
 * dialect: postgresql | mysql | sqlite | cockroachdb | unknown
 * tool: flyway | liquibase | golang-migrate | dbmate | diesel | versioned SQL | schema script
 * statements:
 *   - kind: CREATE INDEX | REINDEX | ALTER TABLE | UPDATE | DELETE | LOCK TABLE | VACUUM | CLUSTER | CREATE TABLE
 *           | CREATE MATERIALIZED VIEW | BEGIN | COMMIT
 *     table: orders        (unquoted names folded to lower case; schema apart)
 *     transaction: "file" | "changeset 12" | "explicit 40"   (absent when the statement runs on its own)
 *     ...                  (concurrently, where, limit, full, mode, algorithm, lock, actions: [...])
 * </pre>
 * Nothing is executed. Statements the parser cannot read are diagnostics at their line; the file still counts.
 */
public final class SqlMigrationParser {
  public static final String TYPE = "sql migration";

  private static final Pattern GO_TEMPLATE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
  private static final Pattern CHANGESET = Pattern.compile("(?i)^changeset\\s+\\S+.*");
  private static final Pattern ATTRIBUTE = Pattern.compile("(?i)(runInTransaction|dbms):\\s*(\\S+)");

  private final ScanOptions options;

  public SqlMigrationParser(ScanOptions options) {
    this.options = options;
  }

  public Model parse(List<SourceFile> files) {
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Prepared> prepared = new ArrayList<>();
    for (SourceFile f : files) {
      prepare(f, diagnostics).ifPresent(prepared::add);
    }
    Map<String, SqlDialect> folderDialect = folderDialects(prepared);
    for (Prepared p : prepared) {
      SqlDialect dialect = p.dialect() == SqlDialect.UNKNOWN
          ? folderDialect.getOrDefault(folderOf(p.path()), SqlDialect.UNKNOWN) : p.dialect();
      build(p, dialect, resources, diagnostics);
    }
    return new Model(resources, diagnostics);
  }

  /** A migration file read and classified, before its statements are read. */
  private record Prepared(String path, String text, MigrationFiles.Tool tool, SqlDialect dialect) {}

  /**
   * A migration folder whose files name one dialect only (by path, directive or syntax) lends it to its files that
   * name none: one project's migrations run against one database.
   */
  private static Map<String, SqlDialect> folderDialects(List<Prepared> prepared) {
    Map<String, java.util.Set<SqlDialect>> seen = new LinkedHashMap<>();
    for (Prepared p : prepared) {
      if (p.dialect() != SqlDialect.UNKNOWN) {
        seen.computeIfAbsent(folderOf(p.path()), k -> new java.util.HashSet<>()).add(p.dialect());
      }
    }
    Map<String, SqlDialect> out = new LinkedHashMap<>();
    seen.forEach((folder, dialects) -> {
      if (dialects.size() == 1) {
        out.put(folder, dialects.iterator().next());
      }
    });
    return out;
  }

  /** The migrations folder a file belongs to: the path up to its last migrations-like folder, else its folder. */
  static String folderOf(String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      if (MigrationFiles.isMigrationFolderName(parts[i])) {
        return String.join("/", java.util.Arrays.copyOfRange(parts, 0, i + 1));
      }
    }
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private Optional<Prepared> prepare(SourceFile f, List<Diagnostic> diagnostics) {
    String path = f.displayPath();
    SourceRange top = SourceRange.at(path, 1, 1);
    Optional<String> read = TextDecoder.read(f, options.maxFileBytes(), diagnostics);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    String text = read.get();
    Optional<MigrationFiles.Tool> tool = MigrationFiles.classify(path, text.substring(0, Math.min(4096, text.length())));
    if (tool.isEmpty()) {
      return Optional.empty();
    }
    text = withoutTemplates(text);
    SqlDialect dialect = SqlDialect.fromPath(path);
    if (dialect == SqlDialect.UNKNOWN) {
      SqlLexer.Script script = SqlLexer.split(text, false);
      dialect = directiveDialect(script).orElse(SqlDialect.fromText(script));
    }
    return Optional.of(new Prepared(path, text, tool.get(), dialect));
  }

  private void build(Prepared file, SqlDialect dialect, List<Resource> resources, List<Diagnostic> diagnostics) {
    String path = file.path();
    SourceRange top = SourceRange.at(path, 1, 1);
    Optional<MigrationFiles.Tool> tool = Optional.of(file.tool());
    SqlLexer.Script script = SqlLexer.split(file.text(), dialect == SqlDialect.MYSQL);
    for (int line : script.metaCommandLines()) {
      diagnostics.add(Diagnostic.info(SourceRange.at(path, line, 1), "psql meta-command: not SQL, skipped"));
    }
    StatementReader reader = new StatementReader(path, dialect == SqlDialect.MYSQL);
    Sections sections = new Sections(script.comments(), tool.get(), dialect);
    List<Value> statements = new ArrayList<>();
    String explicit = null;
    for (SqlLexer.Statement s : script.statements()) {
      Optional<String> section = sections.transactionOf(s.line());
      if (section == null) {
        continue; // a dbmate down section
      }
      StatementReader.Read read = reader.read(s);
      read.problem().ifPresent(p -> diagnostics.add(read.checked()
          ? Diagnostic.warning(SourceRange.at(path, s.line(), s.column()),
              s.leadingWords(3) + " statement could not be parsed (" + p + "): its locks are not checked")
          : Diagnostic.info(SourceRange.at(path, s.line(), s.column()),
              s.leadingWords(3) + " statement not parsed (" + p + ")")));
      if (read.facts().isEmpty()) {
        continue;
      }
      Value.MapValue facts = read.facts().get();
      String kind = facts.get("kind").asString().orElse("");
      if (kind.equals("BEGIN")) {
        explicit = "explicit " + s.line();
      }
      String transaction = explicit != null ? explicit : section.orElse(null);
      if (kind.equals("COMMIT")) {
        explicit = null;
      }
      if (transaction != null) {
        Map<String, Value> withTx = new LinkedHashMap<>(facts.entries());
        withTx.put("transaction", Value.of(transaction, facts.range()));
        facts = new Value.MapValue(withTx, facts.range());
      }
      statements.add(facts);
    }
    Map<String, Value> body = new LinkedHashMap<>();
    body.put("dialect", Value.of(dialect.id(), top));
    body.put("tool", Value.of(tool.get().id(), top));
    body.put("statements", new Value.ListValue(statements, top));
    resources.add(Resource.of(Format.SQL, TYPE, migrationName(path), top, new Value.MapValue(body, top), List.of()));
  }

  /**
   * Which transaction a statement runs in by its tool's rules, or null when the tool does not run it at all
   * (a dbmate {@code migrate:down} section): dbmate and Liquibase say so in comments, the others per file.
   */
  private static final class Sections {
    private final List<SqlLexer.Comment> comments;
    private final MigrationFiles.Tool tool;
    private final boolean transactional;

    Sections(List<SqlLexer.Comment> comments, MigrationFiles.Tool tool, SqlDialect dialect) {
      this.comments = comments;
      this.tool = tool;
      // MySQL commits before and after every DDL statement, so no tool can hold its locks together
      this.transactional = dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.UNKNOWN;
    }

    Optional<String> transactionOf(int line) {
      if (tool == MigrationFiles.Tool.DBMATE) {
        String marker = null;
        for (SqlLexer.Comment c : comments) {
          if (c.line() > line) {
            break;
          }
          String lower = c.text().toLowerCase(Locale.ROOT);
          if (lower.startsWith("migrate:up") || lower.startsWith("migrate:down")) {
            marker = lower;
          }
        }
        if (marker == null || marker.startsWith("migrate:down")) {
          return null;
        }
        return transactional && !marker.contains("transaction:false") ? Optional.of("file") : Optional.empty();
      }
      if (tool == MigrationFiles.Tool.LIQUIBASE) {
        SqlLexer.Comment changeset = null;
        for (SqlLexer.Comment c : comments) {
          if (c.line() > line) {
            break;
          }
          if (CHANGESET.matcher(c.text()).matches()) {
            changeset = c;
          }
        }
        if (changeset == null) {
          return Optional.empty();
        }
        Matcher m = ATTRIBUTE.matcher(changeset.text());
        while (m.find()) {
          if (m.group(1).equalsIgnoreCase("runInTransaction") && m.group(2).equalsIgnoreCase("false")) {
            return Optional.empty();
          }
        }
        return transactional ? Optional.of("changeset " + changeset.line()) : Optional.empty();
      }
      return transactional && tool.wrapsInTransaction() ? Optional.of("file") : Optional.empty();
    }
  }

  /** A Liquibase changeset's {@code dbms:} attribute. */
  private static Optional<SqlDialect> directiveDialect(SqlLexer.Script script) {
    for (SqlLexer.Comment c : script.comments()) {
      Matcher m = ATTRIBUTE.matcher(c.text());
      while (m.find()) {
        if (m.group(1).equalsIgnoreCase("dbms")) {
          SqlDialect d = SqlDialect.fromName(m.group(2).split(",")[0]);
          if (d != SqlDialect.UNKNOWN) {
            return Optional.of(d);
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Go-template placeholders ({@code {{ .Namespace }}}) become an identifier of the same length, so the statement
   * parses and every position after it stays exact.
   */
  static String withoutTemplates(String text) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher m = GO_TEMPLATE.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      sb.append(text, last, m.start());
      for (int i = m.start(); i < m.end(); i++) {
        sb.append(text.charAt(i) == '\n' ? '\n' : i == m.start() ? 't' : '_');
      }
      last = m.end();
    }
    sb.append(text, last, text.length());
    return sb.toString();
  }

  /** The migration's name as users know it: the file name, or folder/file for per-folder layouts (up.sql). */
  static String migrationName(String displayPath) {
    String[] parts = displayPath.split("/");
    String name = parts[parts.length - 1];
    if (parts.length >= 2 && (name.equalsIgnoreCase("up.sql") || name.equalsIgnoreCase("schema.sql"))) {
      return parts[parts.length - 2] + "/" + name;
    }
    return name;
  }
}
