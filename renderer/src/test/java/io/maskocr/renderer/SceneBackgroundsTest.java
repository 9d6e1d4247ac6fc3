package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.BackgroundKind;
import io.maskocr.renderer.config.StyleConfig;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The procedural photo-like backgrounds: deterministic per seed, textured, appended. */
class SceneBackgroundsTest {
  private static final List<BackgroundKind> SCENE = List.of(BackgroundKind.BRICK, BackgroundKind.WOOD,
      BackgroundKind.CONCRETE, BackgroundKind.METAL, BackgroundKind.FOLIAGE, BackgroundKind.SIGNBOARD,
      BackgroundKind.BOKEH);

  private static int[] pixels(RenderedSample s) {
    return ((DataBufferInt) s.image().getRaster().getDataBuffer()).getData();
  }

  private static StyleConfig only(BackgroundKind kind) {
    return Configs.only(Map.of()).withBackground(Map.of(kind.key(), 1.0), null);
  }

  @Test
  void newKindsComeAfterTheExistingOnes() {
    for (BackgroundKind k : SCENE) {
      assertTrue(k.optional() && k.ordinal() > BackgroundKind.IMAGE.ordinal(), k.key());
    }
  }

  @Test
  void samePixelsForTheSameSeedOnAnyThreadAndOtherPixelsForAnother() throws Exception {
    for (BackgroundKind k : SCENE) {
      SampleRenderer a = new SampleRenderer(only(k), TestAssets.get(), 128, 32, 3);
      SampleRenderer b = new SampleRenderer(only(k), TestAssets.get(), 128, 32, 3);
      SampleRenderer other = new SampleRenderer(only(k), TestAssets.get(), 128, 32, 4);
      List<RenderedSample> parallel;
      try (ParallelRenderer p = new ParallelRenderer(b, 2)) {
        parallel = p.batch(0, 8);
      }
      for (int i = 0; i < 8; i++) {
        RenderedSample x = a.render(i);
        assertEquals(k.key(), x.style().background());
        assertArrayEquals(pixels(x), pixels(parallel.get(i)), k.key() + " sample " + i);
        assertFalse(Arrays.equals(pixels(x), pixels(other.render(i))), k.key() + " ignores the seed");
      }
    }
  }

  @Test
  void everyKindIsTexturedNotFlat() {
    for (BackgroundKind k : SCENE) {
      SampleRenderer r = new SampleRenderer(only(k), TestAssets.get(), 128, 32, 8);
      int textured = 0;
      for (int i = 0; i < 6; i++) {
        int[] px = pixels(r.render(i));
        // the top-left 8x4 corner rarely holds ink; count its distinct colours
        long distinct = Arrays.stream(new int[] {px[0], px[3], px[7], px[128], px[131], px[135], px[384], px[391]})
            .distinct().count();
        textured += distinct > 1 ? 1 : 0;
      }
      assertTrue(textured >= 3, k.key() + " looks flat in " + (6 - textured) + " of 6 samples");
    }
  }
}
