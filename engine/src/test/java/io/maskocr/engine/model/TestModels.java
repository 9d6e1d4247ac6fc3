package io.maskocr.engine.model;

import java.util.Map;

/** Very small configs so block tests run in milliseconds on 2 cores. */
public final class TestModels {
  private TestModels() {}

  /** A 2-block, width-32 model on 32x32 images with 8 patches of 32x4. */
  public static ModelConfig micro() {
    return ModelPresets.get(
        "tiny",
        Map.of(
            "imageWidth", 32, "width", 32, "depth", 2, "heads", 2, "decoderDepth", 1,
            "decoderHeads", 2, "mimWidth", 16, "mimDepth", 1, "mimHeads", 2, "maxLength", 6));
  }
}
