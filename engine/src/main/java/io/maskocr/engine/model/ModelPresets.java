package io.maskocr.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named model sizes as data plus user overrides. {@code tiny} (~3M parameters) trains on a
 * laptop CPU; {@code compact} (~5M) is tiny's width at twice its depth, the size a tiny model
 * grows to ({@code maskocr runs grow}); {@code small} (~24M) and {@code base} (~58M) are for a GPU.
 */
public final class ModelPresets {
  private ModelPresets() {}

  private static final List<String> KEYS =
      List.of(
          "imageHeight", "imageWidth", "channels", "patchHeight", "patchWidth", "width", "depth",
          "heads", "mlpRatio", "decoderDepth", "decoderHeads", "mimWidth", "mimDepth",
          "mimHeads", "maxLength", "charset", "device", "stem");

  private static final Map<String, Map<String, Object>> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put("tiny", sizes(192, 4, 3, 2, 128, 2, 4));
    TABLE.put("compact", sizes(192, 8, 3, 2, 128, 2, 4));
    TABLE.put("small", sizes(384, 10, 6, 2, 256, 2, 8));
    TABLE.put("base", sizes(512, 12, 8, 4, 256, 4, 8));
  }

  private static Map<String, Object> sizes(
      int width, int depth, int heads, int decDepth, int mimWidth, int mimDepth, int mimHeads) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imageHeight", 32);
    m.put("imageWidth", 128);
    m.put("channels", 1);
    m.put("patchHeight", 32);
    m.put("patchWidth", 4);
    m.put("width", width);
    m.put("depth", depth);
    m.put("heads", heads);
    m.put("mlpRatio", 4);
    m.put("decoderDepth", decDepth);
    m.put("decoderHeads", heads);
    m.put("mimWidth", mimWidth);
    m.put("mimDepth", mimDepth);
    m.put("mimHeads", mimHeads);
    m.put("maxLength", 25);
    m.put("charset", "latin94");
    m.put("device", "cpu");
    m.put("stem", "linear");
    return m;
  }

  /** Names of the presets, smallest first. */
  public static List<String> names() {
    return List.copyOf(TABLE.keySet());
  }

  /** The preset without overrides. */
  public static ModelConfig get(String name) {
    return get(name, Map.of());
  }

  /**
   * The preset with {@code overrides} (keys as in {@link ModelConfig}; numbers may be given as
   * any {@link Number} or numeric string).
   */
  public static ModelConfig get(String name, Map<String, ?> overrides) {
    Map<String, Object> base = TABLE.get(name);
    if (base == null) {
      throw new IllegalArgumentException(
          "unknown model preset '" + name + "': choose one of " + names());
    }
    Map<String, Object> v = new LinkedHashMap<>(base);
    for (Map.Entry<String, ?> e : new TreeMap<>(overrides).entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown model setting '" + e.getKey() + "': known settings are " + KEYS);
      }
      v.put(e.getKey(), e.getValue());
    }
    return new ModelConfig(
        name, i(v, "imageHeight"), i(v, "imageWidth"), i(v, "channels"), i(v, "patchHeight"),
        i(v, "patchWidth"), i(v, "width"), i(v, "depth"), i(v, "heads"), i(v, "mlpRatio"),
        i(v, "decoderDepth"), i(v, "decoderHeads"), i(v, "mimWidth"), i(v, "mimDepth"),
        i(v, "mimHeads"), i(v, "maxLength"), String.valueOf(v.get("charset")),
        String.valueOf(v.get("device")), String.valueOf(v.get("stem")));
  }

  private static int i(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(o).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("model setting '" + key + "' must be a whole number, got '" + o + "'");
    }
  }
}
