package io.spofscan.parsers.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The database a migration is written for, decided from hints (the path, the tool's directives, the text) because
 * the locks a statement takes depend on it. When the hints disagree or are missing it is {@link #UNKNOWN}: the file
 * is read with both lexical rules and the lock rules say what happens on each database.
 */
public enum SqlDialect {
  POSTGRESQL("postgresql"),
  MYSQL("mysql"),
  SQLITE("sqlite"),
  COCKROACHDB("cockroachdb"),
  UNKNOWN("unknown");

  private static final Pattern PATH_SPLIT = Pattern.compile("[/._\\-]+");
  private static final Set<String> PG_PATH = Set.of("postgres", "postgresql", "pg", "pgsql", "psql");
  private static final Set<String> MYSQL_PATH = Set.of("mysql", "mariadb", "mysql5", "mysql8");
  private static final Set<String> SQLITE_PATH = Set.of("sqlite", "sqlite3");
  private static final Set<String> COCKROACH_PATH = Set.of("cockroach", "cockroachdb", "crdb");
  private static final Set<String> PG_WORDS = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "JSONB", "TIMESTAMPTZ",
      "PLPGSQL", "CONCURRENTLY", "BYTEA", "ILIKE", "EXTENSION", "TSVECTOR", "REGCLASS");
  private static final Set<String> MYSQL_WORDS = Set.of("AUTO_INCREMENT", "ENGINE", "UNSIGNED", "TINYINT",
      "MEDIUMTEXT", "LONGTEXT", "MEDIUMINT", "LONGBLOB", "INNODB");
  private static final Set<String> SQLITE_WORDS = Set.of("AUTOINCREMENT", "PRAGMA");

  private final String id;

  SqlDialect(String id) {
    this.id = id;
  }

  /** The name written into the model ({@code dialect: postgresql}). */
  public String id() {
    return id;
  }

  /** The dialect a path names ("migrations/postgres/...", "x.mysql.up.sql"), or UNKNOWN. */
  static SqlDialect fromPath(String displayPath) {
    SqlDialect found = UNKNOWN;
    for (String part : PATH_SPLIT.split(displayPath.toLowerCase(Locale.ROOT))) {
      SqlDialect d = PG_PATH.contains(part) ? POSTGRESQL : MYSQL_PATH.contains(part) ? MYSQL
          : SQLITE_PATH.contains(part) ? SQLITE : COCKROACH_PATH.contains(part) ? COCKROACHDB : UNKNOWN;
      if (d != UNKNOWN) {
        found = d; // the innermost name wins: "mysql/..." under a "pg-tools" folder is MySQL
      }
    }
    return found;
  }

  /** A Liquibase {@code dbms:} attribute value or a connection-URL scheme. */
  static SqlDialect fromName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("postgres") || n.equals("pg")) {
      return POSTGRESQL;
    }
    if (n.startsWith("mysql") || n.startsWith("mariadb")) {
      return MYSQL;
    }
    if (n.startsWith("sqlite")) {
      return SQLITE;
    }
    if (n.startsWith("cockroach")) {
      return COCKROACHDB;
    }
    return UNKNOWN;
  }

  /** The dialect the text's own syntax shows, when only one dialect's marks appear. */
  static SqlDialect fromText(SqlLexer.Script script) {
    boolean pg = false;
    boolean mysql = false;
    boolean sqlite = false;
    for (SqlLexer.Statement s : script.statements()) {
      SqlLexer.Token previous = null;
      for (SqlLexer.Token t : s.tokens()) {
        String w = t.word();
        if (t.type() == SqlLexer.TokenType.WORD) {
          pg |= PG_WORDS.contains(w);
          mysql |= MYSQL_WORDS.contains(w);
          sqlite |= SQLITE_WORDS.contains(w);
        } else if (t.type() == SqlLexer.TokenType.QUOTED_IDENT && t.text().startsWith("`")) {
          mysql = true;
        } else if (t.type() == SqlLexer.TokenType.STRING && t.text().startsWith("$")) {
          pg = true;
        } else if (t.text().equals(":") && previous != null && previous.text().equals(":")
            && previous.offset() + 1 == t.offset()) {
          pg = true; // a :: cast
        }
        previous = t;
      }
    }
    int marks = (pg ? 1 : 0) + (mysql ? 1 : 0) + (sqlite ? 1 : 0);
    if (marks != 1) {
      return UNKNOWN;
    }
    return pg ? POSTGRESQL : mysql ? MYSQL : SQLITE;
  }
}
