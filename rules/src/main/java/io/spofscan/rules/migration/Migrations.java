package io.spofscan.rules.migration;

import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.model.Truth;
import io.spofscan.core.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading the statements of SQL migration resources (see the parsers' SqlMigrationParser for their shape). */
final class Migrations {
  private Migrations() {}

  static final String POSTGRESQL = "postgresql";
  static final String MYSQL = "mysql";
  static final String UNKNOWN = "unknown";

  /** One statement of a migration, with what came before it in the same file. */
  record Stmt(Resource migration, Value facts, Set<String> tablesCreatedBefore) {
    String kind() {
      return facts.get("kind").asString().orElse("");
    }

    Value table() {
      return facts.get("table");
    }

    String tableName() {
      return table().asString().orElse("");
    }

    boolean flag(String key) {
      return facts.get(key).truth(false) == Truth.TRUE;
    }

    Optional<String> transaction() {
      return facts.get("transaction").asString();
    }

    /** The table was created earlier in this migration: nobody else uses it yet, so its locks block no one. */
    boolean onNewTable() {
      return tablesCreatedBefore.contains(tableName());
    }

    Value at() {
      return facts.get("kind");
    }

    String dialect() {
      return Migrations.dialect(migration);
    }

    long line() {
      return facts.get("line").asLong().orElse(0);
    }
  }

  static List<Resource> migrations(Model model) {
    return model.where(r -> r.format() == Format.SQL && r.certainlyExists());
  }

  static String dialect(Resource r) {
    return r.attr("dialect").asString().orElse(UNKNOWN);
  }

  /** The lock rules speak of PostgreSQL and MySQL; SQLite and CockroachDB lock differently and are not judged. */
  static boolean judged(Resource r) {
    String d = dialect(r);
    return d.equals(POSTGRESQL) || d.equals(MYSQL) || d.equals(UNKNOWN);
  }

  static List<Stmt> statements(Resource r) {
    List<Stmt> out = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (Value s : r.attr("statements").items()) {
      Stmt stmt = new Stmt(r, s, Set.copyOf(created));
      out.add(stmt);
      if (stmt.kind().equals("CREATE TABLE") && !stmt.tableName().isEmpty()) {
        created.add(stmt.tableName());
      }
    }
    return out;
  }

  /** The ALTER TABLE actions of a statement. */
  static List<Value> actions(Stmt s) {
    return s.facts().get("actions").items();
  }

  static String action(Value a) {
    return a.get("action").asString().orElse("");
  }

  static String str(Value v, String key) {
    return v.get(key).asString().orElse("");
  }

  static boolean flag(Value v, String key) {
    return v.get(key).truth(false) == Truth.TRUE;
  }

  static String dialectUnknownNote() {
    return "the dialect is not known (no path, directive or syntax hint says PostgreSQL or MySQL); on PostgreSQL ";
  }
}
