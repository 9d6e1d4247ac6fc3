package io.maskocr.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.sqlite.Function;

/**
 * SQL function {@code readable_label(label, symbols, caseFolding)}: {@link
 * LabelComparison#readable} inside a query, so the "model disagrees" filter and count stay in
 * SQLite and page through the queue index. The queue calls it only for rows whose cheap SQL
 * comparison already differs, so it runs for few rows.
 */
final class ReadableLabelFunction extends Function {
  static final String NAME = "readable_label";

  /** Symbol sets by charset string: a workspace sees one or two charsets. */
  private final Map<String, Set<Integer>> sets = new HashMap<>();

  /** Registers the function on one connection (each connection needs its own instance). */
  static void register(Connection c) throws SQLException {
    Function.create(c, NAME, new ReadableLabelFunction(), 3, Function.FLAG_DETERMINISTIC);
  }

  @Override
  protected void xFunc() throws SQLException {
    String label = value_text(0);
    if (label == null) {
      result();
      return;
    }
    String symbols = value_text(1);
    Set<Integer> set = sets.computeIfAbsent(symbols == null ? "" : symbols, LabelComparison::symbolSet);
    result(LabelComparison.readable(label, set, value_int(2) != 0));
  }
}
