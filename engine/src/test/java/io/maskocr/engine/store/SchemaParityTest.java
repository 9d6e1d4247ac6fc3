package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both back ends' migrations end in the same schema: the same tables with the same columns (by
 * type family), the same named indexes, views and triggers. The only differences are listed here,
 * each on purpose (see {@link PgMigrations}).
 */
class SchemaParityTest {
  /** PostgreSQL only: image bytes (SQLite keeps files), the version table (SQLite: user_version). */
  private static final Set<String> PG_ONLY_TABLES = Set.of("images", "schema_version");
  /** PostgreSQL only: run_metrics.seq is the insertion order SQLite's rowid gives. */
  private static final Set<String> PG_ONLY_COLUMNS = Set.of("run_metrics.seq");

  @TempDir Path dir;

  @Test
  void stepsAreNumberedAndDescribedAlike() {
    assertEquals(Migrations.STEPS.stream().map(Migration::version).toList(),
        PgMigrations.STEPS.stream().map(Migration::version).toList());
    assertEquals(Migrations.STEPS.stream().map(Migration::description).toList(),
        PgMigrations.STEPS.stream().map(Migration::description).toList());
  }

  @Test
  void bothBackEndsEndInTheSameSchema() throws Exception {
    Map<String, String> sqlite;
    Map<String, String> pg;
    try (Workspace ws = Backend.SQLITE.open(dir.resolve("a"))) {
      sqlite = WorkspaceTest.dbOf(ws).read(SchemaParityTest::sqliteSchema);
    }
    try (Workspace ws = Backend.POSTGRESQL.open(dir.resolve("b"))) {
      pg = WorkspaceTest.dbOf(ws).read(SchemaParityTest::postgresSchema);
    }
    pg.keySet().removeIf(k -> PG_ONLY_TABLES.contains(k.split("[ .]")[1]) || PG_ONLY_COLUMNS.contains(k.substring(7)));
    assertEquals(String.join("\n", sqlite.keySet()) + "\n", String.join("\n", pg.keySet()) + "\n");
    assertEquals(sqlite, pg);
  }

  /** "column table.name" -> type family, "index name" / "view name" / "trigger name" -> "". */
  private static Map<String, String> sqliteSchema(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (List<String> o : Sql.list(c, "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
        rs -> List.of(rs.getString(1), rs.getString(2)))) {
      if (o.get(0).equals("table")) {
        for (List<String> col : Sql.list(c, "SELECT name, type FROM pragma_table_info(?)",
            rs -> List.of(rs.getString(1), rs.getString(2)), o.get(1))) {
          out.put("column " + o.get(1) + "." + col.get(0), family(col.get(1)));
        }
      } else {
        out.put(o.get(0) + " " + o.get(1), "");
      }
    }
    return out;
  }

  private static Map<String, String> postgresSchema(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (List<String> col : Sql.list(c, "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
        + " JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema"
        + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'",
        rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))) {
      out.put("column " + col.get(0) + "." + col.get(1), family(col.get(2)));
    }
    // indexes made by PRIMARY KEY / UNIQUE constraints are named by PostgreSQL, not by us
    for (String name : Sql.list(c, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        + " AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'", rs -> rs.getString(1))) {
      out.put("index " + name, "");
    }
    for (String name : Sql.list(c, "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema()",
        rs -> rs.getString(1))) {
      out.put("view " + name, "");
    }
    Set<String> triggers = new TreeSet<>(Sql.list(c, "SELECT trigger_name FROM information_schema.triggers"
        + " WHERE trigger_schema = current_schema()", rs -> rs.getString(1)));
    for (String name : triggers) {
      out.put("trigger " + name, "");
    }
    return out;
  }

  private static String family(String type) {
    String t = type.toUpperCase(java.util.Locale.ROOT);
    if (t.contains("INT")) {
      return "integer";
    }
    if (t.contains("REAL") || t.contains("DOUBLE")) {
      return "real";
    }
    if (t.contains("BLOB") || t.contains("BYTEA")) {
      return "blob";
    }
    return "text";
  }
}
