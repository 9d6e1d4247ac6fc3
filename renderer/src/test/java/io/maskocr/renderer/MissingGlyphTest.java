package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.font.FontFace;
import io.maskocr.renderer.font.FontLibrary;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No tofu: characters a font lacks make the renderer choose another font or another text. */
class MissingGlyphTest {
  private final FontLibrary fonts = TestAssets.get().fonts();

  @Test
  void scriptFontsLackSomeCharactersTheCorpusUses() {
    // the premise of the next test: without re-choosing, these texts would show tofu
    FontFace dancing = fonts.byFile("DancingScript-Regular.otf");
    assertFalse(dancing.canDraw("京A·12345"));
    assertFalse(fonts.byFile("DejaVuSans.ttf").canDraw('中'));
  }

  @Test
  void everySampleIsDrawnByFontsThatHaveItsGlyphs() {
    StyleConfig c = StyleConfig.defaults()
        .withFonts(Map.of("script", 1.0))
        .withCorpus(Map.of("prices", 1.0, "plates", 1.0, "chinese", 1.0, "dates", 1.0));
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 4);
    FontFace dancing = fonts.byFile("DancingScript-Regular.otf");
    int avoided = 0;
    for (int i = 0; i < 200; i++) {
      RenderedSample s = r.render(i);
      FontFace main = fonts.byFile(s.style().font());
      for (char ch : s.text().toCharArray()) {
        assertTrue(main.canDraw(ch) || fonts.cjkFallbackFor(ch) != null,
            "'" + ch + "' of '" + s.text() + "' is drawable by " + main);
      }
      avoided += dancing.canDraw(s.text()) ? 0 : 1;
    }
    assertTrue(avoided > 0, "some texts had characters the script font lacks, so it was avoided");
  }

  @Test
  void textNoBundledFontCanDrawIsRefusedWithTheCharacterNamed() {
    SampleRenderer r = new SampleRenderer(StyleConfig.defaults(), TestAssets.get(), 128, 32, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.render(0, "ab\u0F40c"));
    assertTrue(e.getMessage().contains("U+0F40"), e.getMessage());
  }

  @Test
  void fontWithAnEmptyGlyphDoesNotCountAsDrawingIt() {
    for (FontFace f : fonts.faces()) {
      for (char c = '!'; c < 0x2FF; c++) {
        if (f.canDraw(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
          assertFalse(f.outline(c).empty(), f + " claims '" + c + "' but its outline is empty");
        }
      }
    }
  }
}
