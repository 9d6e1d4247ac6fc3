package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Boxes checked against pixels: every box holds ink, and no ink lies outside the union of
 * the boxes (beyond anti-aliasing, or blur's reach when blur is on).
 */
class BoxCorrectnessTest {
  private static void check(StyleConfig config, double margin, int samples) {
    SampleRenderer r = new SampleRenderer(config, TestAssets.get(), 128, 32, 11);
    for (int i = 0; i < samples; i++) {
      RenderedSample s = r.render(i);
      float[][] ink = InkChecks.inkOnFlat(s.image(), s.style().backgroundRgb());
      double contrast = Math.abs(InkChecks.lum(s.style().textRgb()) - InkChecks.lum(s.style().backgroundRgb()));
      assertEquals(s.text().length(), s.boxes().size());
      for (int k = 0; k < s.text().length(); k++) {
        CharBox b = s.boxes().get(k);
        assertTrue(b.x0() >= 0 && b.x1() <= 128 && b.y0() >= 0 && b.y1() <= 32,
            "box inside the image: " + b + " in " + s.text());
        if (b.ink()) {
          assertTrue(InkChecks.maxInkIn(ink, b) > 0.3 * contrast,
              "box " + k + " ('" + s.text().charAt(k) + "') of '" + s.text() + "' holds ink: " + b);
        }
      }
      float outside = InkChecks.maxInkOutside(ink, s.boxes(), margin);
      assertTrue(outside < 0.08 * contrast + 0.02,
          "ink outside the boxes of '" + s.text() + "' (sample " + i + "): " + outside + " contrast " + contrast);
    }
  }

  @Test
  void boxesAreTightUnderEveryGeometricTransform() {
    check(Configs.allGeometry(), 0.5, 150);
  }

  @Test
  void boxesOfPlainTextAreTight() {
    check(Configs.only(Map.of()), 0.5, 60);
  }

  @Test
  void boxesFollowAStretchedRotatedWord() {
    check(Configs.only(Map.of(EffectKind.STRETCH, new Effect(1, 0.85, 1.0),
        EffectKind.ROTATION, new Effect(1, -20, 20))), 0.5, 60);
  }

  @Test
  void outlineStrokeIsInsideTheBoxes() {
    check(Configs.only(Map.of(EffectKind.OUTLINE, new Effect(1, 1, 2.5),
        EffectKind.ROTATION, new Effect(1, -10, 10))), 0.5, 60);
  }

  @Test
  void blurSpreadsInkOnlyWithinThreeSigma() {
    check(Configs.only(Map.of(EffectKind.BLUR, new Effect(1, 0.8, 0.8),
        EffectKind.ROTATION, new Effect(1, -10, 10))), 3 * 0.8, 60);
  }
}
