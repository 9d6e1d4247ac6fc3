package io.maskocr.engine.annotate;

import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;

/**
 * The rendering style of the annotation benchmark: the bundled monospaced font in grey on flat
 * backgrounds, with contrast, blur and noise varying from clean to hard. Much easier than the
 * default style, so a small model trained for a few minutes on a shared CPU reads most words;
 * the benchmark measures how well confidence finds its errors, which needs a model that is
 * right more often than not and images of varying difficulty.
 */
final class BenchStyle {
  private BenchStyle() {}

  static StyleConfig config() {
    return StyleConfigIO.parse("""
        {
          "version": 1,
          "fonts": {"mono": 1.0},
          "corpus": {"english": 1.0},
          "maxLength": 8,
          "textHeight": {"min": 0.7, "max": 0.7},
          "contrast": {"min": 0.35, "max": 0.9},
          "grayscale": 1.0,
          "background": {"flat": 1.0},
          "effects": {
            "blur": {"probability": 0.4, "min": 0.5, "max": 1.6},
            "noise": {"probability": 0.4, "min": 4.0, "max": 30.0}
          }
        }
        """, "annotation benchmark style");
  }
}
