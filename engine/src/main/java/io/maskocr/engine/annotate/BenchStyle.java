package io.maskocr.engine.annotate;

import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;

/**
 * The rendering style of the annotation benchmark: real fonts, colours, backgrounds and mild
 * distortions, milder than the default style so a tiny model trained for a few minutes reads
 * most words (the benchmark measures how well confidence finds its errors, which needs a model
 * that is right more often than not).
 */
final class BenchStyle {
  private BenchStyle() {}

  static StyleConfig config() {
    return StyleConfigIO.parse("""
        {
          "version": 1,
          "fonts": {"sans": 3.0, "serif": 1.0, "mono": 1.0, "bold": 1.0},
          "corpus": {"english": 1.0},
          "maxLength": 8,
          "textHeight": {"min": 0.6, "max": 0.9},
          "contrast": {"min": 0.45, "max": 0.9},
          "grayscale": 0.3,
          "background": {"flat": 3.0, "gradient": 1.0},
          "effects": {
            "rotation": {"probability": 0.2, "min": -2.0, "max": 2.0},
            "blur": {"probability": 0.3, "min": 0.3, "max": 1.2},
            "noise": {"probability": 0.3, "min": 2.0, "max": 12.0}
          }
        }
        """, "annotation benchmark style");
  }
}
