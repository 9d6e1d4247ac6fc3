package io.maskocr.app.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Prints benchmark figures: readable lines, plus one JSON object last with {@code --json}. */
final class BenchOutput {
  private BenchOutput() {}

  static void print(Map<String, Object> r, boolean json) {
    r.forEach((k, v) -> System.out.println(k + ": " + v));
    if (json) {
      System.out.println(r.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number ? e.getValue() : "\"" + e.getValue() + "\""))
          .collect(Collectors.joining(",", "{", "}")));
    }
  }
}
