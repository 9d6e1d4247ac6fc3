package io.maskocr.engine.train;

import io.maskocr.engine.data.InMemorySource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Font-free synthetic words for tests: each symbol is a fixed random 8-pixel-wide bitmap, so a
 * model can learn to read them in a few dozen steps.
 */
public final class GlyphData {
  private GlyphData() {}

  /** One sample per label, characters laid left to right in 8-pixel cells. */
  public static List<Sample> samples(ModelConfig c, List<String> labels) {
    List<Sample> out = new ArrayList<>();
    int h = c.imageHeight();
    int w = c.imageWidth();
    for (String label : labels) {
      float[] px = new float[c.pixelCount()];
      java.util.Arrays.fill(px, -1f);
      float[] spans = new float[label.length() * 2];
      for (int i = 0; i < label.length(); i++) {
        Random r = new Random(label.charAt(i));
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < 8 && i * 8 + x < w; x++) {
            px[y * w + i * 8 + x] = r.nextBoolean() ? 1f : -1f;
          }
        }
        spans[2 * i] = i * 8;
        spans[2 * i + 1] = i * 8 + 8;
      }
      out.add(new Sample(label, px, label, spans));
    }
    return out;
  }

  /** A resolver that answers every data spec with {@code samples}. */
  public static DataResolver resolver(List<Sample> samples) {
    return (spec, config, seed) -> new InMemorySource("glyphs", samples);
  }

  /** A data spec the resolver above accepts. */
  public static DataSpec spec() {
    return DataSpec.split("glyphs", "train");
  }
}
