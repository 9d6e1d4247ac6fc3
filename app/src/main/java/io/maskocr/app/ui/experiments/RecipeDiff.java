package io.maskocr.app.ui.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.io.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Differences between two runs' JSON documents (recipe, provenance) as lines of
 * {@code path: left -> right}, comparing leaf values by their JSON path.
 */
public final class RecipeDiff {
  private RecipeDiff() {}

  /**
   * The changed, added and removed leaves.
   *
   * @return one line per difference, sorted by path; empty when equal
   */
  public static List<String> diff(String leftJson, String rightJson) {
    Map<String, String> a = flatten(leftJson);
    Map<String, String> b = flatten(rightJson);
    List<String> out = new ArrayList<>();
    for (String key : new TreeSet<>(union(a, b))) {
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

  private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> s = new TreeSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  /** Leaf values by path ({@code stages[1].lr}). Unparseable text counts as one leaf. */
  static Map<String, String> flatten(String json) {
    Map<String, String> out = new TreeMap<>();
    try {
      walk(Json.mapper().readTree(json == null ? "null" : json), "", out);
    } catch (IOException e) {
      out.put("(text)", json);
    }
    return out;
  }

  private static void walk(JsonNode n, String path, Map<String, String> out) {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), path + "[" + i + "]", out);
      }
    } else {
      out.put(path.isEmpty() ? "(value)" : path, n.toString());
    }
  }
}
