package io.maskocr.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON mappers of the engine and the app, configured in one place so every file we write
 * and read (recipes, checkpoints, provenance, metrics lines, exports, settings) follows the same
 * rules. A mapper is costly to build and thread-safe once built, so one of each is shared; never
 * reconfigure them (make a {@code copy()} when a caller needs other settings).
 *
 * <p>The renderer module keeps its own mappers: it sits below the engine and cannot see this.
 */
public final class Json {
  private static final ObjectMapper COMPACT = configure(new ObjectMapper());
  private static final ObjectMapper PRETTY = configure(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * The shared rules. Unknown properties are refused (Jackson's default, spelled out because it
   * is a choice): a misspelled recipe key must fail, not be ignored. Records that must read
   * newer files say so themselves with {@code @JsonIgnoreProperties(ignoreUnknown = true)}.
   */
  private static ObjectMapper configure(ObjectMapper m) {
    return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** One-line output: JSON lines, CLI results, database columns. */
  public static ObjectMapper mapper() {
    return COMPACT;
  }

  /** Indented output: files people read (recipes, checkpoints, provenance, settings). */
  public static ObjectMapper pretty() {
    return PRETTY;
  }
}
