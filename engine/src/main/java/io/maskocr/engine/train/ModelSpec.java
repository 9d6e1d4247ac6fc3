package io.maskocr.engine.train;

import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPresets;
import java.util.Map;

/**
 * The model a recipe trains: a preset name plus overrides.
 *
 * @param preset {@code tiny}, {@code small} or {@code base}
 * @param overrides settings of {@link ModelConfig} to change
 */
public record ModelSpec(String preset, Map<String, Object> overrides) {
  /** Defaults: {@code tiny}, no overrides. */
  public ModelSpec {
    preset = preset == null ? "tiny" : preset;
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
  }

  /**
   * The tiny preset shrunk to width 64 and two encoder layers, with the same 32x128 input and
   * patches: a model that trains in seconds, for the fault suite and tests that need a real run
   * rather than a good one.
   */
  public static ModelSpec miniature() {
    return new ModelSpec("tiny", Map.of("width", 64, "depth", 2, "heads", 2, "decoderDepth", 1, "decoderHeads", 2,
        "mimWidth", 32, "mimDepth", 1, "mimHeads", 2));
  }

  /** This spec with one more override (replacing an earlier value of {@code key}). */
  public ModelSpec with(String key, Object value) {
    Map<String, Object> o = new java.util.HashMap<>(overrides);
    o.put(key, value);
    return new ModelSpec(preset, o);
  }

  /** The resolved config. */
  public ModelConfig resolve() {
    return ModelPresets.get(preset, overrides);
  }
}
