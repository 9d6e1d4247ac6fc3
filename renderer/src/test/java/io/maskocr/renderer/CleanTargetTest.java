package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The ODM clean target: binary, black on white, glyph i inside box i, nothing elsewhere. */
class CleanTargetTest {
  @Test
  void cleanTargetIsBinaryAndAlignedWithTheBoxes() {
    SampleRenderer r = new SampleRenderer(Configs.allGeometry(), TestAssets.get(), 128, 32, 3);
    for (int i = 0; i < 100; i++) {
      RenderedSample s = r.render(i);
      BufferedImage clean = s.cleanTarget();
      assertEquals(128, clean.getWidth());
      assertEquals(32, clean.getHeight());
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 128; x++) {
          int v = clean.getRaster().getSample(x, y, 0);
          assertTrue(v == 0 || v == 255, "binary pixel, got " + v);
        }
      }
      float[][] ink = InkChecks.cleanInk(clean);
      // a pixel is black when its centre is inside a glyph, so it lies within half a pixel
      assertEquals(0f, InkChecks.maxInkOutside(ink, s.boxes(), 0.0),
          "clean ink outside the boxes of '" + s.text() + "'");
      int withInk = 0;
      int inkBoxes = 0;
      for (CharBox b : s.boxes()) {
        if (b.ink()) {
          inkBoxes++;
          withInk += InkChecks.maxInkIn(ink, b) > 0 ? 1 : 0;
        }
      }
      // a glyph thinner than a pixel (a '.' squeezed small) may miss every pixel centre
      assertTrue(withInk >= inkBoxes - 1, "clean glyphs drawn in the boxes of '" + s.text() + "'");
    }
  }

  @Test
  void cleanTargetIgnoresStyle() {
    SampleRenderer plain = new SampleRenderer(Configs.only(java.util.Map.of()), TestAssets.get(), 128, 32, 9);
    RenderedSample s = plain.render(0, "Hello");
    float[][] ink = InkChecks.cleanInk(s.cleanTarget());
    int count = 0;
    for (float[] row : ink) {
      for (float v : row) {
        count += (int) v;
      }
    }
    assertTrue(count > 100, "clean target of 'Hello' has ink: " + count);
  }
}
