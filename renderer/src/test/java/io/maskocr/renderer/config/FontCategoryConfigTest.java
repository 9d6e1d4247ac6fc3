package io.maskocr.renderer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Font categories added after the first config format (display, stencil, handwriting). */
class FontCategoryConfigTest {
  @Test
  void newCategoriesComeAfterTheOldOnes() {
    List<FontCategory> all = List.of(FontCategory.values());
    assertEquals(List.of(FontCategory.SANS, FontCategory.SERIF, FontCategory.MONO, FontCategory.CONDENSED,
        FontCategory.BOLD, FontCategory.SCRIPT, FontCategory.CJK), all.subList(0, 7));
    assertTrue(FontCategory.DISPLAY.optional() && FontCategory.STENCIL.optional() && FontCategory.HANDWRITING.optional());
    assertFalse(FontCategory.CJK.optional());
  }

  @Test
  void configWithoutTheNewKeysGivesThemWeightZeroAndKeepsItsJson() {
    String old = "{\"fonts\": {\"sans\": 3, \"serif\": 1}}";
    StyleConfig c = StyleConfigIO.parse(old, "old.json");
    assertEquals(0.0, c.fonts().getOrDefault("stencil", 0.0));
    String json = StyleConfigIO.toJson(c);
    assertFalse(json.contains("display") || json.contains("stencil") || json.contains("handwriting"), json);
    assertTrue(json.contains("\"cjk\" : 0.0"), json);
    assertEquals(c, StyleConfigIO.parse(json, "x"));
  }

  @Test
  void weightedNewCategoriesRoundTrip() {
    StyleConfig c = StyleConfigIO.parse("{\"fonts\": {\"stencil\": 1, \"display\": 0.5, \"handwriting\": 2}}", "x");
    assertEquals(Map.of("sans", 0.0, "serif", 0.0, "mono", 0.0, "condensed", 0.0, "bold", 0.0, "script", 0.0,
        "cjk", 0.0, "display", 0.5, "stencil", 1.0, "handwriting", 2.0), c.fonts());
    assertEquals(c, StyleConfigIO.parse(StyleConfigIO.toJson(c), "x"));
  }
}
