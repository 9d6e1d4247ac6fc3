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

  /** The resolved config. */
  public ModelConfig resolve() {
    return ModelPresets.get(preset, overrides);
  }
}
