package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static int[] pixels(BufferedImage img) {
    return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
  }

  private static byte[] clean(BufferedImage img) {
    return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }

  private static void assertSame(RenderedSample a, RenderedSample b) {
    assertEquals(a.text(), b.text());
    assertEquals(a.boxes(), b.boxes());
    assertEquals(a.style(), b.style());
    assertArrayEquals(pixels(a.image()), pixels(b.image()), "pixels of sample " + a.index());
    assertArrayEquals(clean(a.cleanTarget()), clean(b.cleanTarget()), "clean target of sample " + a.index());
  }

  @Test
  void sameSeedGivesSamePixelsBoxesAndTextOnAnyThread() throws Exception {
    StyleConfig c = StyleConfig.defaults();
    SampleRenderer one = new SampleRenderer(c, TestAssets.get(), 128, 32, 42);
    SampleRenderer two = new SampleRenderer(c, TestAssets.get(), 128, 32, 42);
    List<RenderedSample> parallel;
    try (ParallelRenderer p = new ParallelRenderer(two, 3)) {
      parallel = p.batch(0, 120);
    }
    for (int i = 119; i >= 0; i--) { // reverse order: no hidden state carried between calls
      assertSame(one.render(i), parallel.get(i));
    }
  }

  @Test
  void otherSeedGivesOtherSamples() {
    SampleRenderer a = new SampleRenderer(StyleConfig.defaults(), TestAssets.get(), 128, 32, 1);
    SampleRenderer b = new SampleRenderer(StyleConfig.defaults(), TestAssets.get(), 128, 32, 2);
    int differentText = 0;
    for (int i = 0; i < 20; i++) {
      differentText += a.render(i).text().equals(b.render(i).text()) ? 0 : 1;
    }
    assertNotEquals(0, differentText);
  }

  @Test
  void changingOneEffectKeepsTextFontAndOtherEffects() {
    StyleConfig base = StyleConfig.defaults();
    StyleConfig blurred = base.withEffect(EffectKind.BLUR, new Effect(1, 2, 3));
    SampleRenderer a = new SampleRenderer(base, TestAssets.get(), 128, 32, 5);
    SampleRenderer b = new SampleRenderer(blurred, TestAssets.get(), 128, 32, 5);
    for (int i = 0; i < 30; i++) {
      RenderedSample x = a.render(i);
      RenderedSample y = b.render(i);
      assertEquals(x.text(), y.text());
      assertEquals(x.style().font(), y.style().font());
      assertEquals(x.boxes(), y.boxes(), "blur is not geometric: boxes must not move");
      assertEquals(x.style().effects().get("rotation"), y.style().effects().get("rotation"));
    }
  }
}
