package io.maskocr.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * One table as {@link WorkspaceCopy} moves it: its columns with a type letter each (i integer,
 * r real, t text, b bytes), so that both back ends' rows hash alike whatever types the drivers
 * hand back, and the order rows are read and hashed in ({@code orderBy} null: the insertion order
 * of a table without an id). {@code hasId}: new rows take ids after the copied ones.
 */
record CopyTable(String name, List<String> columns, String types, boolean hasId, String orderBy) {
  static final List<CopyTable> ALL = List.of(
      new CopyTable("datasets", List.of("id", "name", "created"), "iti", true),
      new CopyTable("samples", List.of("id", "dataset_id", "sha256", "format", "width", "height", "original_name",
          "split", "created"), "iittiitti", true),
      new CopyTable("label_history", List.of("id", "sample_id", "text", "author", "source", "time", "kind",
          "conflict", "based_on"), "iitttitii", true),
      new CopyTable("predictions", List.of("id", "sample_id", "dataset_id", "checkpoint", "text", "confidence",
          "char_probs", "created"), "iiittrbi", true),
      new CopyTable("runs", List.of("id", "name", "recipe_json", "seed", "provenance_json", "code_version", "machine",
          "status", "created", "started", "finished", "tags", "notes"), "ittittttiiitt", true),
      new CopyTable("run_metrics", List.of("run_id", "stage", "step", "name", "value"), "ititr", false),
      new CopyTable("checkpoints", List.of("id", "run_id", "stage", "step", "path", "metrics_json", "created"),
          "iititti", true),
      new CopyTable("published_checkpoints", List.of("checkpoint_id", "zip", "sha256", "machine", "created"),
          "ibtti", false, "checkpoint_id"));

  CopyTable(String name, List<String> columns, String types, boolean hasId) {
    this(name, columns, types, hasId, hasId ? "id" : null);
  }

  CopyTable {
    if (columns.size() != types.length()) {
      throw new IllegalArgumentException(name + ": " + columns.size() + " columns but " + types.length() + " types");
    }
  }

  String select(Dialect d) {
    return "SELECT " + String.join(", ", columns) + " FROM " + name + " ORDER BY "
        + (orderBy != null ? orderBy : d.metricOrder());
  }

  String insert() {
    return "INSERT INTO " + name + "(" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
  }

  /** The row's values as the target gets them, each normalized to its column's type. */
  Object[] values(ResultSet rs) throws SQLException {
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = switch (types.charAt(i)) {
        case 'i' -> rs.getLong(i + 1);
        case 'r' -> rs.getDouble(i + 1);
        case 'b' -> rs.getBytes(i + 1);
        default -> rs.getString(i + 1);
      };
      out[i] = rs.wasNull() ? null : v;
    }
    return out;
  }

  /** Feeds one row to the table's digest; equal rows hash equally on either back end. */
  static void hash(MessageDigest digest, Object[] row) {
    for (Object v : row) {
      String s = v == null ? "\u0001null" : v instanceof byte[] b ? HexFormat.of().formatHex(b) : v.toString();
      digest.update(s.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1f);
    }
    digest.update((byte) 0x1e);
  }
}
