package io.maskocr.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON Lines: {@code {"filename": "a/b.png", "text": "label"}} per line. {@code text} may be
 * missing or null (unlabeled); {@code file_name}/{@code image} and {@code label} are accepted
 * as aliases used by other tools.
 */
final class JsonlSource extends ListSource {
  private static final ObjectMapper JSON = Json.mapper();

  JsonlSource(Path listFile) throws IOException {
    super(listFile);
  }

  @Override
  Entry parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode file = first(node, "filename", "file_name", "image");
    if (file == null || !file.isTextual() || file.asText().isBlank()) {
      throw new IllegalArgumentException("no \"filename\" string");
    }
    JsonNode text = first(node, "text", "label");
    if (text != null && !text.isNull() && !text.isTextual()) {
      throw new IllegalArgumentException("\"text\" is not a string");
    }
    return new Entry(file.asText(), text == null || text.isNull() ? null : text.asText());
  }

  private static JsonNode first(JsonNode node, String... names) {
    for (String n : names) {
      if (node.has(n)) {
        return node.get(n);
      }
    }
    return null;
  }
}
