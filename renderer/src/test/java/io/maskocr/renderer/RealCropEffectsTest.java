package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The effects that make synthetic words look like real scene-text crops (issue 16). */
class RealCropEffectsTest {
  /** The effects added for real crops, each with a strong setting. */
  private static final Map<EffectKind, Effect> NEW = Map.of(
      EffectKind.SHADING, new Effect(1, 0.5, 0.8),
      EffectKind.CAST_SHADOW, new Effect(1, 0.5, 0.8),
      EffectKind.OCCLUSION, new Effect(1, 0.3, 0.5),
      EffectKind.CROP_JITTER, new Effect(1, -0.1, 0.5),
      EffectKind.DISTRACTORS, new Effect(1, 0.3, 0.6),
      EffectKind.SIGN_COLORS, new Effect(1, 0.6, 1.0),
      EffectKind.CHROMATIC, new Effect(1, 1.0, 2.0));

  private static int[] pixels(BufferedImage img) {
    return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
  }

  private static byte[] clean(BufferedImage img) {
    return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }

  @Test
  void everyNewEffectIsAppendedAndChangesPixelsWhenOn() {
    for (EffectKind k : NEW.keySet()) {
      assertTrue(k.ordinal() > EffectKind.STRETCH.ordinal(), k + " must come after the existing effects");
      SampleRenderer off = new SampleRenderer(Configs.only(Map.of()), TestAssets.get(), 128, 32, 11);
      SampleRenderer on = new SampleRenderer(Configs.only(Map.of(k, NEW.get(k))), TestAssets.get(), 128, 32, 11);
      int changed = 0;
      for (int i = 0; i < 20; i++) {
        RenderedSample a = off.render(i);
        RenderedSample b = on.render(i);
        assertEquals(a.text(), b.text(), k.key() + " must not change the text");
        assertEquals(a.style().font(), b.style().font(), k.key() + " must not change the font");
        changed += Arrays.equals(pixels(a.image()), pixels(b.image())) ? 0 : 1;
        assertTrue(b.style().effects().containsKey(k.key()), k.key() + " fired but is not recorded");
      }
      // distractors sometimes fall outside a tight layout; the others always show
      assertTrue(changed >= (k == EffectKind.DISTRACTORS ? 8 : 20), k.key() + " changed only " + changed + " of 20 samples");
    }
  }

  @Test
  void newEffectsOffLeaveAnExistingConfigsPixelsIdentical() throws Exception {
    StyleConfig scene = StyleConfigIO.read(TestAssets.repo().resolve("samples/render/scene.json"));
    StyleConfig explicitOff = scene;
    for (EffectKind k : NEW.keySet()) {
      explicitOff = explicitOff.withEffect(k, NEW.get(k).withProbability(0));
    }
    SampleRenderer a = new SampleRenderer(scene, TestAssets.get(), 128, 32, 5);
    SampleRenderer b = new SampleRenderer(explicitOff, TestAssets.get(), 128, 32, 5);
    for (int i = 0; i < 40; i++) {
      RenderedSample x = a.render(i);
      RenderedSample y = b.render(i);
      assertEquals(x.text(), y.text());
      assertEquals(x.boxes(), y.boxes());
      assertEquals(x.style(), y.style());
      assertArrayEquals(pixels(x.image()), pixels(y.image()), "pixels of sample " + i);
      assertArrayEquals(clean(x.cleanTarget()), clean(y.cleanTarget()));
    }
  }

  @Test
  void newEffectsKeepOtherEffectsDraws() {
    StyleConfig base = StyleConfig.defaults();
    StyleConfig all = base;
    for (EffectKind k : NEW.keySet()) {
      all = all.withEffect(k, NEW.get(k));
    }
    SampleRenderer a = new SampleRenderer(base, TestAssets.get(), 128, 32, 9);
    SampleRenderer b = new SampleRenderer(all, TestAssets.get(), 128, 32, 9);
    for (int i = 0; i < 30; i++) {
      RenderedSample x = a.render(i);
      RenderedSample y = b.render(i);
      assertEquals(x.text(), y.text());
      for (String key : x.style().effects().keySet()) {
        assertEquals(x.style().effects().get(key), y.style().effects().get(key), key + " of sample " + i);
      }
    }
  }

  @Test
  void defaultConfigJsonDoesNotMentionTheNewEffectsWhileTheyAreOff() {
    String json = StyleConfigIO.toJson(StyleConfig.defaults());
    for (EffectKind k : NEW.keySet()) {
      assertFalse(json.contains("\"" + k.key() + "\""), k.key() + " is written although off");
    }
    assertFalse(json.contains("bokeh"), json);
    StyleConfig on = StyleConfig.defaults().withEffect(EffectKind.SHADING, new Effect(0.5, 0.1, 0.2));
    assertTrue(StyleConfigIO.toJson(on).contains("\"shading\""));
    assertEquals(on, StyleConfigIO.parse(StyleConfigIO.toJson(on), "x"));
  }

  @Test
  void distractorFragmentsNeverChangeLabelBoxesOrCleanTarget() {
    Effect jitter = new Effect(1, 0.1, 0.6); // loose crops, so fragments show
    StyleConfig without = Configs.only(Map.of(EffectKind.CROP_JITTER, jitter, EffectKind.ROTATION, new Effect(1, -8, 8)));
    StyleConfig with = without.withEffect(EffectKind.DISTRACTORS, new Effect(1, 0.3, 0.8));
    SampleRenderer a = new SampleRenderer(without, TestAssets.get(), 128, 32, 21);
    SampleRenderer b = new SampleRenderer(with, TestAssets.get(), 128, 32, 21);
    int visible = 0;
    for (int i = 0; i < 60; i++) {
      RenderedSample x = a.render(i);
      RenderedSample y = b.render(i);
      assertEquals(x.text(), y.text(), "label of sample " + i);
      assertEquals(x.boxes(), y.boxes(), "boxes of sample " + i);
      assertArrayEquals(clean(x.cleanTarget()), clean(y.cleanTarget()), "clean target of sample " + i);
      visible += Arrays.equals(pixels(x.image()), pixels(y.image())) ? 0 : 1;
    }
    assertTrue(visible >= 40, "fragments visible in only " + visible + " of 60 loose crops");
    // and with a caller-given text
    assertEquals("EXIT", b.render(3, "EXIT").text());
  }

  @Test
  void tightCropsCutAtMostATenthOfTheOuterCharacters() {
    StyleConfig c = Configs.only(Map.of(EffectKind.CROP_JITTER, new Effect(1, -0.1, -0.1)));
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 4);
    int cut = 0;
    for (int i = 0; i < 60; i++) {
      RenderedSample s = r.render(i);
      List<CharBox> ink = s.boxes().stream().filter(CharBox::ink).toList();
      CharBox first = ink.get(0);
      CharBox last = ink.get(ink.size() - 1);
      assertTrue(first.x0() >= -0.1 * first.width() - 0.05, "left cut of " + s.text() + ": " + first);
      assertTrue(last.x1() <= 128 + 0.1 * last.width() + 0.05, "right cut of " + s.text() + ": " + last);
      cut += first.x0() < -0.02 ? 1 : 0;
    }
    assertTrue(cut > 10, "tight crops should cut the first character, got " + cut + " of 60");
  }

  @Test
  void looseCropsLeaveBackgroundAroundTheWord() {
    StyleConfig c = Configs.only(Map.of(EffectKind.CROP_JITTER, new Effect(1, 0.3, 0.3)));
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 4);
    for (int i = 0; i < 30; i++) {
      RenderedSample s = r.render(i);
      double y0 = s.boxes().stream().filter(CharBox::ink).mapToDouble(CharBox::y0).min().orElseThrow();
      double x0 = s.boxes().stream().filter(CharBox::ink).mapToDouble(CharBox::x0).min().orElseThrow();
      assertTrue(y0 > 1 && x0 > 1, s.text() + " touches the border: " + s.boxes());
    }
  }

  @Test
  void cropJsonParsesAndRenders() throws Exception {
    StyleConfig c = StyleConfigIO.read(TestAssets.repo().resolve("samples/render/crop.json"));
    for (EffectKind k : NEW.keySet()) {
      assertTrue(c.effect(k).probability() > 0, k.key() + " is off in crop.json");
    }
    assertTrue(c.background().getOrDefault("signboard", 0.0) > 0);
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 1);
    List<RenderedSample> parallel;
    try (ParallelRenderer p = new ParallelRenderer(new SampleRenderer(c, TestAssets.get(), 128, 32, 1), 2)) {
      parallel = p.batch(0, 50);
    }
    for (int i = 49; i >= 0; i--) {
      RenderedSample s = r.render(i);
      assertFalse(s.text().isBlank());
      assertEquals(s.text().length(), s.boxes().size());
      assertEquals(s.text(), parallel.get(i).text());
      assertEquals(s.boxes(), parallel.get(i).boxes());
      assertArrayEquals(pixels(s.image()), pixels(parallel.get(i).image()), "crop.json sample " + i);
    }
  }
}
