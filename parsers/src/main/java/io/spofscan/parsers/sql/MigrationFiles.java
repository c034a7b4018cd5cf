package io.spofscan.parsers.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code .sql} files are migrations, and which tool runs them. The tool matters because it decides whether a
 * whole file runs in one transaction (locks are then held until its end). Down/undo migrations run only when a
 * deployment is rolled back and are not read.
 */
public final class MigrationFiles {
  private MigrationFiles() {}

  /** The tool that runs a migration file, and whether it runs each file (or changeset) in one transaction. */
  public enum Tool {
    FLYWAY("flyway", true),
    LIQUIBASE("liquibase", true),
    GOLANG_MIGRATE("golang-migrate", true),
    DBMATE("dbmate", true),
    DIESEL("diesel", true),
    VERSIONED("versioned SQL", false),
    SCHEMA("schema script", false);

    private final String id;
    private final boolean wrapsInTransaction;

    Tool(String id, boolean wrapsInTransaction) {
      this.id = id;
      this.wrapsInTransaction = wrapsInTransaction;
    }

    public String id() {
      return id;
    }

    /**
     * On PostgreSQL: Flyway, dbmate and diesel wrap each file, Liquibase each changeset, and golang-migrate sends the
     * file as one multi-statement query, which PostgreSQL runs as one implicit transaction.
     */
    public boolean wrapsInTransaction() {
      return wrapsInTransaction;
    }
  }

  private static final Pattern FLYWAY = Pattern.compile("[vr][0-9._]*__.+\\.sql");
  private static final Pattern FLYWAY_UNDO = Pattern.compile("u[0-9._]+__.+\\.sql");
  private static final Pattern GOLANG_MIGRATE_UP = Pattern.compile("[0-9]+_.+\\.up\\.sql");
  private static final Pattern DOWN = Pattern.compile("(.+[._-])?down\\.sql|(.+[._-])?rollback\\.sql");
  private static final Set<String> MIGRATION_DIRS = Set.of("migrations", "migration", "migrate", "changelog",
      "changelogs", "changesets", "versioned", "flyway", "liquibase", "dbmate", "schema", "schemas");

  /** A folder name migration tools use ("migrations", "db/migrate", "changelog", "versioned", ...). */
  static boolean isMigrationFolderName(String name) {
    return MIGRATION_DIRS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** True for a name this reader may look at: every {@code .sql} file (the content decides the rest). */
  public static boolean isSqlFile(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
  }

  /**
   * The tool of a migration file, or empty when the file is not a migration (a query, a seed, a down migration).
   *
   * @param head the file's first characters, for content markers
   */
  public static Optional<Tool> classify(String displayPath, String head) {
    String lower = displayPath.toLowerCase(Locale.ROOT);
    String name = lower.substring(lower.lastIndexOf('/') + 1);
    if (DOWN.matcher(name).matches() || FLYWAY_UNDO.matcher(name).matches()) {
      return Optional.empty();
    }
    String headLower = head.toLowerCase(Locale.ROOT);
    if (headLower.stripLeading().startsWith("--liquibase formatted sql")) {
      return Optional.of(Tool.LIQUIBASE);
    }
    if (headLower.contains("-- migrate:up")) {
      return Optional.of(Tool.DBMATE);
    }
    if (FLYWAY.matcher(name).matches()) {
      return Optional.of(Tool.FLYWAY);
    }
    if (GOLANG_MIGRATE_UP.matcher(name).matches()) {
      return Optional.of(Tool.GOLANG_MIGRATE);
    }
    String[] parts = lower.split("/");
    if (name.equals("up.sql") && parts.length >= 3 && parts[parts.length - 3].equals("migrations")) {
      return Optional.of(Tool.DIESEL);
    }
    if (name.equals("schema.sql") || name.endsWith("_schema.sql")) {
      return Optional.of(Tool.SCHEMA);
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (MIGRATION_DIRS.contains(parts[i]) || parts[i].equals("db") && i + 1 < parts.length - 1
          && parts[i + 1].equals("migrate")) {
        return Optional.of(parts[i].startsWith("schema") ? Tool.SCHEMA : Tool.VERSIONED);
      }
    }
    return Optional.empty();
  }
}
