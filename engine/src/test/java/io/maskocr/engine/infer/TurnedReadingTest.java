package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crops taller than wide are also read turned; a turned reading wins only when clearly more confident. */
class TurnedReadingTest {
  private static BufferedImage numbered(int w, int h) {
    BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        im.setRGB(x, y, (y * w + x + 1) * 0x010101);
      }
    }
    return im;
  }

  private static Prediction reading(String text, double confidence) {
    return new Prediction(text, new float[] {(float) confidence}, confidence, new float[][] {{1f}}, "1@1");
  }

  @Test
  void turningMovesEveryPixelAQuarterAndBack() {
    BufferedImage im = numbered(2, 3); // pixel (x, y) holds y * 2 + x + 1
    BufferedImage cw = TurnedReading.turned(im, true);
    assertEquals(3, cw.getWidth());
    assertEquals(2, cw.getHeight());
    // clockwise: the bottom-left pixel (0, 2) comes to the top-left
    assertEquals(im.getRGB(0, 2), cw.getRGB(0, 0));
    assertEquals(im.getRGB(0, 0), cw.getRGB(2, 0));
    assertEquals(im.getRGB(1, 2), cw.getRGB(0, 1));
    BufferedImage back = TurnedReading.turned(cw, false);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 2; x++) {
        assertEquals(im.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void onlyCropsTallerThanWideAreReadTurned() {
    TurnedReading plan = TurnedReading.of(List.of(numbered(40, 10), numbered(10, 40), numbered(20, 20)));
    assertEquals(3 + 2, plan.images().size());
    assertEquals(40, plan.images().get(3).getWidth(), "the tall crop turned is wide");
  }

  @Test
  void aTurnedReadingReplacesTheUprightOneOnlyWhenClearlyMoreConfident() {
    TurnedReading plan = TurnedReading.of(List.of(numbered(40, 10), numbered(10, 40), numbered(10, 30)));
    Prediction wide = reading("wide", 0.5);
    Prediction uprightA = reading("a", 0.2);
    Prediction uprightB = reading("b", 0.2);
    List<Prediction> chosen = plan.choose(List.of(wide, uprightA, uprightB,
        reading("cwa", 0.25), reading("ccwa", 0.6), // 0.6 > 1.5 x 0.2: the turned reading wins
        reading("cwb", 0.29), reading("ccwb", 0.1))); // 0.29 < 1.5 x 0.2: upright stays
    assertSame(wide, chosen.get(0));
    assertEquals("ccwa", chosen.get(1).text());
    assertEquals(0, chosen.get(1).attention().length, "no attention map over a picture the viewers do not show");
    assertSame(uprightB, chosen.get(2));
  }
}
