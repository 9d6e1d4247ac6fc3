package io.maskocr.renderer;

import io.maskocr.renderer.sampling.WeightedChoice;
import io.maskocr.renderer.config.FontCategory;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.font.FontFace;
import io.maskocr.renderer.font.FontLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the main font for a text so that nothing is drawn as a missing-glyph box: a face
 * qualifies when it draws every character itself or, for Han characters only, through a CJK
 * fallback face; and the canonical fonts must draw every character too (for the clean target).
 */
final class FontChooser {
  private final FontLibrary fonts;
  private final WeightedChoice<FontCategory> categories;

  FontChooser(StyleConfig config, FontLibrary fonts) {
    this.fonts = fonts;
    // categories without fonts cannot be chosen, whatever their weight
    categories = new WeightedChoice<>(List.of(FontCategory.values()), config.fonts(), FontCategory::key,
        c -> !fonts.faces(c).isEmpty());
    if (categories.total() <= 0) {
      throw new IllegalArgumentException("fonts: every category with weight > 0 has no bundled font in " + fonts.dir());
    }
  }

  /** A face for {@code text}, or null when no bundled font (or no canonical font) can draw it. */
  FontFace choose(String text, SplittableRandom r) {
    if (!canonicalCovers(text)) {
      return null;
    }
    FontCategory category = categories.pick(r);
    FontFace f = pick(fonts.faces(category), text, r);
    return f != null ? f : pick(fonts.faces(), text, r);
  }

  /** A random face of the list that draws the text (natively preferred), or null. */
  private FontFace pick(List<FontFace> faces, String text, SplittableRandom r) {
    List<FontFace> native_ = new ArrayList<>();
    List<FontFace> withFallback = new ArrayList<>();
    for (FontFace f : faces) {
      if (f.canDraw(text)) {
        native_.add(f);
      } else if (drawsWithFallback(f, text)) {
        withFallback.add(f);
      }
    }
    List<FontFace> from = native_.isEmpty() ? withFallback : native_;
    return from.isEmpty() ? null : from.get(r.nextInt(from.size()));
  }

  private boolean drawsWithFallback(FontFace f, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!f.canDraw(c) && fonts.cjkFallbackFor(c) == null) {
        return false;
      }
    }
    return true;
  }

  private boolean canonicalCovers(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (fonts.canonicalFor(text.charAt(i)) == null) {
        return false;
      }
    }
    return true;
  }

  /** The face that draws character c of a text whose main face is {@code main}. */
  FontFace faceFor(FontFace main, char c) {
    return main.canDraw(c) ? main : fonts.cjkFallbackFor(c);
  }

  /** The first character no bundled font can draw, for error messages; -1 if all can. */
  int firstUndrawable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (fonts.canonicalFor(c) == null) {
        return i;
      }
      boolean any = false;
      for (FontFace f : fonts.faces()) {
        any |= f.canDraw(c);
      }
      if (!any) {
        return i;
      }
    }
    return -1;
  }
}
