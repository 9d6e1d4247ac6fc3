package io.maskocr.renderer;

import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.geom.Bounds;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Re-crops a fitted word the way real word crops are cut: each side gets its own margin, loose
 * (background, and whatever neighbouring text lies there, shows) or tight (up to a tenth of the
 * outer character cut off), and the crop window is resized to the output like a detector's
 * box is, stretching the word by at most {@link #MAX_DISTORTION} either way.
 */
final class CropJitter {
  /** Largest horizontal/vertical scale ratio of the resize (a crop 2x too wide or too narrow). */
  static final double MAX_DISTORTION = 2.0;
  /** Most of an outer character a tight crop may cut, as a fraction of its width. */
  static final double MAX_CUT = 0.1;

  private CropJitter() {}

  /**
   * Moves {@code run} (and {@code extras} with it) so that a crop window around its ink fills
   * the {@code width x height} output. Each side's margin is drawn from {@code effect}'s range:
   * above 0 it is that many ink heights, below 0 that fraction of the outer character (left and
   * right) or half that fraction of the ink height (top and bottom) is cut.
   */
  static void apply(GlyphRun run, List<GlyphRun> extras, Effect effect, int width, int height, SplittableRandom r) {
    Bounds ink = run.styledInkBounds();
    double inkH = Math.max(1e-3, ink.height());
    double firstW = charWidth(run, true, ink.width());
    double lastW = charWidth(run, false, ink.width());
    double left = margin(effect.draw(r), inkH, firstW);
    double right = margin(effect.draw(r), inkH, lastW);
    double top = margin(effect.draw(r), inkH, inkH / 2);
    double bottom = margin(effect.draw(r), inkH, inkH / 2);
    double wx0 = ink.x0 - left, wx1 = ink.x1 + right;
    double wy0 = ink.y0 - top, wy1 = ink.y1 + bottom;
    double ww = Math.max(1e-3, wx1 - wx0), wh = Math.max(1e-3, wy1 - wy0);
    double sx = width / ww, sy = height / wh;
    double offX = 0, offY = 0;
    if (sx > sy * MAX_DISTORTION) { // short word: widen the window instead of stretching further
      sx = sy * MAX_DISTORTION;
      offX = (width - ww * sx) * r.nextDouble();
    } else if (sy > sx * MAX_DISTORTION) { // long word: heighten the window
      sy = sx * MAX_DISTORTION;
      offY = (height - wh * sy) * r.nextDouble();
    }
    double bx = offX - wx0 * sx, by = offY - wy0 * sy;
    run.scaleTranslate(sx, bx, sy, by);
    for (GlyphRun e : extras) {
      e.scaleTranslate(sx, bx, sy, by);
    }
  }

  private static double margin(double v, double inkH, double cutUnit) {
    return v >= 0 ? v * inkH : Math.max(v, -MAX_CUT) * cutUnit;
  }

  /** Width of the first (or last) character with ink; {@code fallback} when none has ink. */
  private static double charWidth(GlyphRun run, boolean first, double fallback) {
    int n = run.text.length();
    for (int k = 0; k < n; k++) {
      int i = first ? k : n - 1 - k;
      if (!run.outline[i].empty()) {
        return Bounds.of(run.xs, run.ys, run.start[i], run.end[i]).width();
      }
    }
    return fallback;
  }
}
