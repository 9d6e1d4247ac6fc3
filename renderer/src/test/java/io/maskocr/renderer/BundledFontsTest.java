package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.FontCategory;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.font.FontFace;
import io.maskocr.renderer.font.FontLibrary;
import io.maskocr.renderer.font.GlyphOutline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled font set (issue 16): enough distinct Latin faces, every style family, licences. */
class BundledFontsTest {
  private static final String LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String PUNCTUATION = ".,:!?'-()/";

  private final FontLibrary fonts = TestAssets.get().fonts();

  private List<FontFace> latin() {
    return fonts.faces().stream().filter(f -> f.category() != FontCategory.CJK).toList();
  }

  @Test
  void atLeastHundredDistinctLatinFacesEachWithItsLicence() {
    List<FontFace> latin = latin();
    assertTrue(latin.size() >= 100, "only " + latin.size() + " Latin faces are bundled");
    Set<String> names = new HashSet<>();
    for (FontFace f : fonts.faces()) {
      Path licence = fonts.dir().resolve(f.licence());
      assertTrue(Files.isRegularFile(licence), f + ": licence file " + licence + " is missing");
      assertTrue(licence.toFile().length() > 200, f + ": licence file " + licence + " looks empty");
      names.add(f.fontName());
    }
    assertTrue(names.size() == fonts.faces().size(), "two manifest entries are the same face: " + names.size()
        + " names for " + fonts.faces().size() + " files");
  }

  @Test
  void everyStyleFamilyOfTheIssueHasFaces() {
    for (FontCategory c : List.of(FontCategory.SERIF, FontCategory.SANS, FontCategory.CONDENSED, FontCategory.BOLD,
        FontCategory.DISPLAY, FontCategory.STENCIL, FontCategory.HANDWRITING, FontCategory.MONO, FontCategory.SCRIPT)) {
      assertFalse(fonts.faces(c).isEmpty(), "no bundled face in category " + c.key());
    }
  }

  @Test
  void everyLatinFaceDrawsLettersDigitsAndCommonPunctuation() {
    for (FontFace f : latin()) {
      for (char c : (LATIN + PUNCTUATION).toCharArray()) {
        assertTrue(f.canDraw(c), f + " cannot draw '" + c + "'");
      }
      double advance = 0;
      boolean ink = false;
      for (char c : "Hamburgefonstiv 0123".toCharArray()) {
        GlyphOutline o = f.outline(c);
        advance += o.advance();
        ink |= !o.empty() && o.x1() > o.x0() && o.y1() > o.y0();
      }
      assertTrue(advance > 1 && ink, f + " draws 'Hamburgefonstiv 0123' with no ink");
      // lower case must not be drawn as capitals (the label would be wrong for case-sensitive charsets)
      GlyphOutline a = f.outline('a');
      GlyphOutline capitalA = f.outline('A');
      assertFalse(Arrays.equals(a.xs(), capitalA.xs()) && Arrays.equals(a.ys(), capitalA.ys()),
          f + " draws 'a' as 'A'");
    }
  }

  @Test
  void fontFolderStaysWithinTheSizeLimits() throws Exception {
    long total = 0;
    try (Stream<Path> files = Files.list(fonts.dir())) {
      for (Path p : files.toList()) {
        long size = Files.size(p);
        assertTrue(size <= 5L * 1024 * 1024, p + " is " + size + " bytes, above the 5 MB per-file limit");
        total += size;
      }
    }
    assertTrue(total <= 60L * 1024 * 1024, "assets/fonts holds " + total + " bytes, above 60 MB");
  }

  @Test
  void newCategoriesAreDrawnWhenWeighted() {
    for (FontCategory c : List.of(FontCategory.DISPLAY, FontCategory.STENCIL, FontCategory.HANDWRITING)) {
      StyleConfig config = StyleConfig.defaults().withFonts(Map.of(c.key(), 1.0));
      SampleRenderer r = new SampleRenderer(config, TestAssets.get(), 128, 32, 7);
      int inCategory = 0;
      Set<String> used = new HashSet<>();
      for (int i = 0; i < 40; i++) {
        StyleParams s = r.render(i).style();
        if (c.key().equals(s.fontCategory())) {
          inCategory++;
        }
        used.add(s.font());
      }
      assertTrue(inCategory >= 30, c.key() + ": only " + inCategory + " of 40 samples used a face of the category");
      assertTrue(used.size() >= Math.min(3, fonts.faces(c).size()), c.key() + ": faces used " + used);
    }
  }
}
