package io.maskocr.engine.train;

import io.maskocr.engine.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON document as its leaf values in JSON form by path ({@code stages[1].lr} -> {@code 0.001}), the unit
 * in which two recipes or provenance records are compared.
 */
public final class JsonLeaves {
  private JsonLeaves() {}

  /** Leaf values by path, sorted by path. Unparseable text counts as one leaf {@code (text)}. */
  public static Map<String, String> of(String json) {
    Map<String, String> out = new TreeMap<>();
    try {
      walk(Json.mapper().readTree(json == null ? "null" : json), "", out);
    } catch (IOException e) {
      out.put("(text)", json);
    }
    return out;
  }

  /** Leaf values of a parsed node by path. */
  public static Map<String, String> of(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    walk(node, "", out);
    return out;
  }

  private static void walk(JsonNode n, String path, Map<String, String> out) {
    if (n == null || n.isMissingNode()) {
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
      out.put(path.isEmpty() ? "(value)" : path, n.toString()); // JSON form: "1" and 1 differ
    }
  }
}
