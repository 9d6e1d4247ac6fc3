package io.maskocr.app.ui.experiments;

import io.maskocr.engine.train.JsonLeaves;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Differences between two JSON documents as lines of {@code path: left -> right}, comparing leaf
 * values by their JSON path ({@link JsonLeaves}). A run-to-run comparison uses the engine's
 * {@link io.maskocr.engine.train.RunDiff}, which also knows data, code, machine, seed and init.
 */
public final class RecipeDiff {
  private RecipeDiff() {}

  /**
   * The changed, added and removed leaves.
   *
   * @return one line per difference, sorted by path; empty when equal
   */
  public static List<String> diff(String leftJson, String rightJson) {
    Map<String, String> a = JsonLeaves.of(leftJson);
    Map<String, String> b = JsonLeaves.of(rightJson);
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      String l = a.get(key);
      String r = b.get(key);
      if (l == null) {
        out.add("+ " + key + ": " + r);
      } else if (r == null) {
        out.add("- " + key + ": " + l);
      } else if (!l.equals(r)) {
        out.add("~ " + key + ": " + l + " → " + r);
      }
    }
    return out;
  }
}
