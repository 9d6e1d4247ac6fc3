package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stretch effect lays words out as tight real crops arrive: filling the width. */
class StretchTest {
  private static double inkSpan(RenderedSample s) {
    double x0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    for (CharBox b : s.boxes()) {
      x0 = Math.min(x0, b.x0());
      x1 = Math.max(x1, b.x1());
    }
    return x1 - x0;
  }

  @Test
  void stretchedWordsFillTheWidthWhateverTheirLength() {
    StyleConfig c = Configs.only(Map.of(EffectKind.STRETCH, new Effect(1, 0.9, 0.9)));
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 3);
    for (String word : List.of("a", "ox", "Leaf", "extraordinary")) {
      double span = inkSpan(r.render(0, word));
      assertTrue(span > 0.75 * 128 && span <= 128, word + " spans " + span + " of 128 pixels");
    }
  }

  @Test
  void withoutStretchShortWordsKeepTheirProportions() {
    SampleRenderer r = new SampleRenderer(Configs.only(Map.of()), TestAssets.get(), 128, 32, 3);
    double span = inkSpan(r.render(0, "ox"));
    assertTrue(span < 0.5 * 128, "ox spans " + span + " of 128 pixels");
  }
}
