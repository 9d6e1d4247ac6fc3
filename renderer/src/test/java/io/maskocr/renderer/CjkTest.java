package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.StyleConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CjkTest {
  @Test
  void chineseWordsRenderWithInkInEveryBox() {
    SampleRenderer r = new SampleRenderer(Configs.allGeometry(), TestAssets.get(), 128, 32, 8);
    RenderedSample s = r.render(0, "文字识别");
    assertEquals(4, s.boxes().size());
    float[][] ink = InkChecks.inkOnFlat(s.image(), s.style().backgroundRgb());
    float[][] clean = InkChecks.cleanInk(s.cleanTarget());
    for (CharBox b : s.boxes()) {
      assertTrue(InkChecks.maxInkIn(ink, b) > 0.3, "styled ink in " + b);
      assertTrue(InkChecks.maxInkIn(clean, b) > 0, "clean ink in " + b);
    }
    // boxes advance left to right
    for (int i = 1; i < 4; i++) {
      assertTrue(s.boxes().get(i).centerX() > s.boxes().get(i - 1).centerX());
    }
  }

  @Test
  void mixedHanAndLatinPlatesUseTheCjkFallback() {
    SampleRenderer r = new SampleRenderer(Configs.only(Map.of()), TestAssets.get(), 128, 32, 8);
    RenderedSample s = r.render(1, "京A·12345");
    float[][] ink = InkChecks.inkOnFlat(s.image(), s.style().backgroundRgb());
    for (int i = 0; i < s.text().length(); i++) {
      assertTrue(InkChecks.maxInkIn(ink, s.boxes().get(i)) > 0.2, "ink for '" + s.text().charAt(i) + "'");
    }
  }

  @Test
  void chineseCorpusMixYieldsHanText() {
    StyleConfig c = StyleConfig.defaults().withCorpus(Map.of("chinese", 1.0));
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 8);
    for (int i = 0; i < 20; i++) {
      RenderedSample s = r.render(i);
      assertTrue(s.text().chars().allMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN), s.text());
      assertEquals("chinese", s.style().source());
    }
  }
}
