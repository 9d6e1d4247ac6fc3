package io.maskocr.app.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Prints benchmark figures: readable lines, plus one JSON object last with {@code --json}. */
final class BenchOutput {
  private BenchOutput() {}

  static void print(java.io.PrintWriter out, Map<String, Object> r, boolean json) {
    r.forEach((k, v) -> out.println(k + ": " + v));
    if (json) {
      out.println(r.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number ? e.getValue() : "\"" + e.getValue() + "\""))
          .collect(Collectors.joining(",", "{", "}")));
    }
    out.flush();
  }
}
