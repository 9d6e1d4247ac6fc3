package io.maskocr.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.io.Json;
import java.io.PrintWriter;
import java.util.Map;

/** Prints benchmark figures: readable lines, plus one JSON object last with {@code --json}. */
final class BenchOutput {
  private static final ObjectMapper JSON = Json.mapper();

  private BenchOutput() {}

  static void print(PrintWriter out, Map<String, Object> r, boolean json) {
    r.forEach((k, v) -> out.println(k + ": " + v));
    if (json) {
      try {
        out.println(JSON.writeValueAsString(r));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("benchmark figures cannot be written as JSON: " + e.getMessage(), e);
      }
    }
    out.flush();
  }
}
