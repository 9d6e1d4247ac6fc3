package io.maskocr.renderer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Reads and writes {@link StyleConfig} JSON with error messages that name file, line and field. */
public final class StyleConfigIO {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private StyleConfigIO() {}

  /** Reads a config file; throws {@link ConfigException} with a one-line message on any problem. */
  public static StyleConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read style config " + file + ": " + e.getMessage(), e);
    }
    StyleConfig c = parse(text, file.toString());
    // a relative image folder is relative to the config file, not to where the app runs
    if (c.backgroundImages() != null && !Path.of(c.backgroundImages()).isAbsolute()) {
      Path base = file.toAbsolutePath().getParent();
      c = c.withBackground(c.background(), base.resolve(c.backgroundImages()).normalize().toString());
    }
    return c;
  }

  /** Parses config JSON; {@code source} names the origin in error messages. */
  public static StyleConfig parse(String json, String source) {
    try {
      StyleConfig c = MAPPER.readValue(json, StyleConfig.class);
      if (c == null) {
        throw new ConfigException(source + ": empty style config", null);
      }
      return c;
    } catch (JsonMappingException e) {
      throw new ConfigException(describe(source, json, e), e);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
      throw new ConfigException(source + where + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(String source, String json, JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
    int nl = why.indexOf('\n');
    if (nl >= 0) {
      why = why.substring(0, nl);
    }
    // validation messages start with the dotted path of the bad field: find its line
    Map<String, Integer> lines = FieldLines.index(json);
    int colon = why.indexOf(": ");
    String named = colon > 0 ? why.substring(0, colon) : "";
    Integer line = lines.get(named);
    if (line == null) {
      line = lines.get(path.toString());
    } else {
      path.setLength(0);
    }
    if (line == null && e.getLocation() != null) {
      line = e.getLocation().getLineNr();
    }
    return source + (line == null ? "" : " line " + line) + (path.length() == 0 ? "" : " (" + path + ")")
        + ": " + why + " (see samples/render/default.json for a complete example)";
  }

  /** The config as indented JSON. */
  public static String toJson(StyleConfig config) {
    try {
      return MAPPER.writeValueAsString(config) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write style config as JSON", e);
    }
  }

  /** Writes the config as JSON. */
  public static void write(StyleConfig config, Path file) throws IOException {
    Files.writeString(file, toJson(config), StandardCharsets.UTF_8);
  }

  /** SHA-256 (hex) of the canonical JSON: the renderer-config hash recorded with runs. */
  public static String hash(StyleConfig config) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(toJson(config).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
