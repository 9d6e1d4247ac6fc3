package io.maskocr.renderer;

import io.maskocr.renderer.font.FontFace;
import io.maskocr.renderer.geom.Bounds;
import io.maskocr.renderer.text.TextMix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fragments of neighbouring text at the borders of a crop, as in crops cut from a line of
 * words or a sign with several lines: the end of the previous word, the start of the next, or
 * the bottom or top of the lines above and below. They are laid out in em beside the word and
 * warped and fitted with it (same slant, curve and perspective), then pushed outward until at
 * most a given extent shows inside the image. They are never part of the label, the character
 * boxes or the clean target.
 */
final class Distractors {
  static final int LEFT = 0, RIGHT = 1, ABOVE = 2, BELOW = 3;
  /** Closest a fragment may come to the word's ink, in ink heights. */
  static final double MIN_GAP = 0.18;

  /** One fragment: its glyphs and the border it sits at. */
  record Fragment(GlyphRun run, int side) {}

  private Distractors() {}

  /**
   * One or two fragments placed in em around {@code word} (laid out, not yet warped); empty
   * when no font draws the drawn texts.
   */
  static List<Fragment> prepare(GlyphRun word, FontFace mainFace, double spacing, TextMix texts,
      FontChooser fonts, SplittableRandom r) {
    List<Fragment> out = new ArrayList<>(2);
    int count = r.nextDouble() < 0.3 ? 2 : 1;
    Bounds ink = word.styledInkBounds();
    int usedSide = -1;
    for (int n = 0; n < count; n++) {
      int side = r.nextDouble() < 0.6 ? r.nextInt(2) : 2 + r.nextInt(2);
      if (side == usedSide) {
        side ^= 1;
      }
      usedSide = side;
      String text = texts.next(r).text().strip();
      if (side == LEFT || side == RIGHT) {
        int k = Math.min(text.length(), 1 + r.nextInt(4));
        text = side == LEFT ? text.substring(text.length() - k) : text.substring(0, k);
      } else if (r.nextBoolean()) {
        text = text + " " + texts.next(r).text().strip();
      }
      if (text.isBlank()) {
        continue;
      }
      FontFace face = r.nextDouble() < 0.65 && mainFace.canDraw(text) ? mainFace : fonts.choose(text, r);
      if (face == null) {
        continue;
      }
      FontFace[] faces = new FontFace[text.length()];
      boolean ok = true;
      for (int i = 0; i < faces.length; i++) {
        faces[i] = fonts.faceFor(face, text.charAt(i));
        ok &= faces[i] != null;
      }
      if (!ok) {
        continue;
      }
      GlyphRun frag = GlyphRun.layout(text, faces, faces, side <= RIGHT ? spacing : 0.05 * r.nextDouble());
      double scale = side <= RIGHT ? 1 : 0.7 + 0.5 * r.nextDouble();
      frag.scaleTranslate(scale, 0, scale, 0);
      Bounds f = frag.styledInkBounds();
      double dx, dy;
      switch (side) {
        case LEFT -> {
          dx = ink.x0 - (0.25 + 0.4 * r.nextDouble()) - f.x1;
          dy = 0;
        }
        case RIGHT -> {
          dx = ink.x1 + (0.25 + 0.4 * r.nextDouble()) - f.x0;
          dy = 0;
        }
        default -> {
          double gap = 0.12 + 0.35 * r.nextDouble();
          dx = ink.x0 - f.x0 + (ink.width() - f.width()) * r.nextDouble();
          dy = side == ABOVE ? ink.y0 - gap - f.y1 : ink.y1 + gap - f.y0;
        }
      }
      frag.scaleTranslate(1, dx, 1, dy);
      out.add(new Fragment(frag, side));
    }
    return out;
  }

  /** The glyph runs of the fragments, to warp and fit together with the word. */
  static List<GlyphRun> runs(List<Fragment> fragments) {
    List<GlyphRun> out = new ArrayList<>(fragments.size());
    for (Fragment f : fragments) {
      out.add(f.run());
    }
    return out;
  }

  /**
   * Moves each fitted fragment so that between a third of {@code extent} and {@code extent}
   * ink heights of it (a little less for lines above and below) lie inside the
   * {@code width x height} image: pushed away from the word when more shows, pulled toward it
   * when less does, but never closer to the word's ink than {@link #MIN_GAP} ink heights.
   */
  static void limit(List<Fragment> fragments, Bounds word, double extent, int width, int height) {
    double inkH = Math.max(1, word.height());
    double mostAcross = Math.max(1, extent * inkH);
    for (Fragment fr : fragments) {
      Bounds f = fr.run().styledInkBounds();
      double most = fr.side() <= RIGHT ? mostAcross : Math.max(1, 0.6 * mostAcross);
      double least = most / 3;
      // visible extent and the gap to the word, measured along the axis the fragment moves on
      double visible, gap;
      switch (fr.side()) {
        case LEFT -> {
          visible = f.x1 - Math.max(0, f.x0);
          gap = word.x0 - f.x1;
        }
        case RIGHT -> {
          visible = Math.min(width, f.x1) - f.x0;
          gap = f.x0 - word.x1;
        }
        case ABOVE -> {
          visible = f.y1 - Math.max(0, f.y0);
          gap = word.y0 - f.y1;
        }
        default -> {
          visible = Math.min(height, f.y1) - f.y0;
          gap = f.y0 - word.y1;
        }
      }
      double outward = 0; // positive = away from the word
      if (visible > most) {
        outward = visible - most;
      } else if (visible < least) {
        outward = -Math.max(0, Math.min(least - visible, gap - MIN_GAP * inkH));
      }
      double sign = fr.side() == LEFT || fr.side() == ABOVE ? -1 : 1;
      if (fr.side() <= RIGHT) {
        fr.run().scaleTranslate(1, sign * outward, 1, 0);
      } else {
        fr.run().scaleTranslate(1, 0, 1, sign * outward);
      }
    }
  }
}
