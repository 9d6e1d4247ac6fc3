package io.maskocr.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Small JDBC helpers shared by the store classes. */
final class Sql {
  private Sql() {}

  static long now() {
    return System.currentTimeMillis();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** Binds parameters in order. */
  static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  /** Escapes {@code %}, {@code _} and the escape char for a {@code LIKE ... ESCAPE '\'}. */
  static String likeContains(String text) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
