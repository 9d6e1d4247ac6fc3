package io.maskocr.renderer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StyleConfigIOTest {
  private static String bad(String json) {
    return assertThrows(ConfigException.class, () -> StyleConfigIO.parse(json, "my.json")).getMessage();
  }

  @Test
  void roundTripsTheDefaults() {
    StyleConfig d = StyleConfig.defaults();
    assertEquals(d, StyleConfigIO.parse(StyleConfigIO.toJson(d), "x"));
  }

  @Test
  void partialConfigTakesDefaultsForTheRest() {
    StyleConfig c = StyleConfigIO.parse("{\"effects\": {\"blur\": {\"probability\": 1, \"min\": 1, \"max\": 2}}}", "x");
    assertEquals(new Effect(1, 1, 2), c.effect(EffectKind.BLUR));
    assertEquals(StyleConfig.defaults().effect(EffectKind.NOISE), c.effect(EffectKind.NOISE));
    assertEquals(StyleConfig.defaults().fonts(), c.fonts());
  }

  @Test
  void outOfRangeEffectNamesFileLineFieldAndLimits() {
    String m = bad("{\n  \"effects\": {\n    \"blur\": {\"probability\": 0.5, \"min\": 1, \"max\": 7}\n  }\n}");
    assertTrue(m.startsWith("my.json line 3"), m);
    assertTrue(m.contains("blur") && m.contains("[0.0, 4.0]"), m);
  }

  @Test
  void unknownEffectListsTheKnownOnes() {
    String m = bad("{\"effects\": {\"blurr\": {\"probability\": 0.5, \"min\": 1, \"max\": 2}}}");
    assertTrue(m.contains("unknown effect 'blurr'") && m.contains("jpeg"), m);
  }

  @Test
  void probabilityAboveOneIsRefused() {
    String m = bad("{\"effects\": {\"noise\": {\"probability\": 1.5, \"min\": 1, \"max\": 2}}}");
    assertTrue(m.contains("probability (1.5)"), m);
  }

  @Test
  void reversedRangeIsRefused() {
    String m = bad("{\"textHeight\": {\"min\": 0.9, \"max\": 0.5}}");
    assertTrue(m.contains("textHeight") && m.contains("min <= max"), m);
  }

  @Test
  void missingFieldOfAnEffectIsRefused() {
    String m = bad("{\"effects\": {\"noise\": {\"probability\": 0.5, \"max\": 2}}}");
    assertTrue(m.contains("probability, min and max"), m);
  }

  @Test
  void unknownTopLevelKeyIsRefusedWithItsLine() {
    String m = bad("{\n\"version\": 1,\n\"colour\": 3\n}");
    assertTrue(m.contains("line 3") && m.contains("colour"), m);
  }

  @Test
  void negativeWeightAndUnknownCategoryAreRefused() {
    assertTrue(bad("{\"fonts\": {\"sans\": -1}}").contains("fonts.sans: weight (-1.0)"));
    assertTrue(bad("{\"fonts\": {\"gothic\": 1}}").contains("unknown key 'gothic'"));
    assertTrue(bad("{\"corpus\": {\"english\": 0}}").contains("at least one weight"));
  }

  @Test
  void imageBackgroundNeedsAFolder() {
    assertTrue(bad("{\"background\": {\"image\": 1}}").contains("backgroundImages"));
  }

  @Test
  void brokenJsonNamesTheLine() {
    String m = bad("{\n\"version\": 1,\n\"maxLength\": ,\n}");
    assertTrue(m.startsWith("my.json line 3") && m.contains("not valid JSON"), m);
  }

  /**
   * samples/render/default.json must be exactly the defaults in code. Regenerate it with
   * {@code -Dmaskocr.updateSamples=true} after changing DefaultStyle.
   */
  @Test
  void bundledDefaultFileEqualsTheDefaults() throws Exception {
    Path root = Path.of(System.getProperty("maskocr.repo", ".."));
    Path file = root.resolve("samples/render/default.json");
    String expected = StyleConfigIO.toJson(StyleConfig.defaults());
    if (Boolean.getBoolean("maskocr.updateSamples")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(StyleConfig.defaults(), StyleConfigIO.read(file));
    Path cjk = root.resolve("samples/render/cjk.json");
    StyleConfig c = StyleConfigIO.read(cjk);
    assertTrue(c.corpus().get("chinese") > 0);
  }
}
