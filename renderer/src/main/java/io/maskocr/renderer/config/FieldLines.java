package io.maskocr.renderer.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line of every field in a JSON text, keyed by dotted path ("effects.blur.max"), so that a
 * validation error raised after parsing can still point at the line that caused it.
 */
final class FieldLines {
  private FieldLines() {}

  /** The index; empty (or partial) when the text is not valid JSON. */
  static Map<String, Integer> index(String json) {
    Map<String, Integer> lines = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      String pending = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> {
            pending = p.currentName();
            String path = stack.isEmpty() ? pending : String.join(".", reversed(stack)) + "." + pending;
            lines.put(path, p.currentTokenLocation().getLineNr());
          }
          case START_OBJECT, START_ARRAY -> {
            if (pending != null) {
              stack.push(pending);
              pending = null;
            } else if (!stack.isEmpty() || t == JsonToken.START_ARRAY) {
              stack.push("[]");
            }
          }
          case END_OBJECT, END_ARRAY -> {
            if (!stack.isEmpty()) {
              stack.pop();
            }
          }
          default -> pending = null;
        }
      }
    } catch (IOException e) {
      // syntax errors are reported by the real parse
    }
    return lines;
  }

  private static Iterable<String> reversed(Deque<String> stack) {
    return stack::descendingIterator;
  }
}
