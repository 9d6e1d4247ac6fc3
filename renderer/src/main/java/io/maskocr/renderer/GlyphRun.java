package io.maskocr.renderer;

import io.maskocr.renderer.font.FontFace;
import io.maskocr.renderer.font.GlyphOutline;
import io.maskocr.renderer.geom.Bounds;
import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * The outline points of one text: for each character, its styled glyph polygon (or, for
 * whitespace, the 4 corners of its advance cell) and its canonical clean-target glyph, all in
 * one pair of coordinate arrays so every geometric transform moves them together.
 * Mutable, confined to one render call.
 */
final class GlyphRun {
  /** Height of the whitespace cell above the baseline, in em. */
  private static final double SPACE_CELL_TOP = -0.7;

  final String text;
  float[] xs;
  float[] ys;
  /** Points [0, styledEnd) belong to styled glyphs and cells; the rest to clean glyphs. */
  int styledEnd;
  int size;
  final int[] start;
  final int[] end;
  final GlyphOutline[] outline;
  final FontFace[] face;
  final int[] cleanStart;
  final int[] cleanEnd;
  final GlyphOutline[] cleanOutline;
  /** Pen advance of the whole text in em (before any warp). */
  double advance;

  private GlyphRun(String text) {
    int n = text.length();
    this.text = text;
    start = new int[n];
    end = new int[n];
    outline = new GlyphOutline[n];
    face = new FontFace[n];
    cleanStart = new int[n];
    cleanEnd = new int[n];
    cleanOutline = new GlyphOutline[n];
    xs = new float[256];
    ys = new float[256];
  }

  /**
   * Lays out {@code text}: glyph i from {@code faces[i]} at the pen position, the pen moving by
   * the advance plus {@code spacing} em; canonical glyphs are scaled so their ink bounds equal
   * the styled glyph's ink bounds.
   */
  static GlyphRun layout(String text, FontFace[] faces, FontFace[] canonical, double spacing) {
    GlyphRun run = new GlyphRun(text);
    double pen = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      GlyphOutline g = faces[i].outline(c);
      run.face[i] = faces[i];
      run.outline[i] = g;
      run.start[i] = run.size;
      if (g.empty()) {
        double right = pen + Math.max(g.advance(), 0.25);
        run.add(pen, SPACE_CELL_TOP);
        run.add(right, SPACE_CELL_TOP);
        run.add(right, 0);
        run.add(pen, 0);
      } else {
        for (int k = 0; k < g.size(); k++) {
          run.add(pen + g.xs()[k], g.ys()[k]);
        }
      }
      run.end[i] = run.size;
      pen += g.advance() + (i + 1 < text.length() ? spacing : 0);
    }
    run.advance = pen;
    run.styledEnd = run.size;
    for (int i = 0; i < text.length(); i++) {
      GlyphOutline g = run.outline[i];
      run.cleanStart[i] = run.size;
      if (!g.empty()) {
        GlyphOutline cg = canonical[i].outline(text.charAt(i));
        run.cleanOutline[i] = cg;
        double gx0 = run.minX(i);
        double[] m = fitInside(g.x1() - g.x0(), g.y1() - g.y0(), cg.x1() - cg.x0(), cg.y1() - cg.y0());
        for (int k = 0; k < cg.size(); k++) {
          run.add(gx0 + m[2] + (cg.xs()[k] - cg.x0()) * m[0], g.y0() + m[3] + (cg.ys()[k] - cg.y0()) * m[1]);
        }
      }
      run.cleanEnd[i] = run.size;
    }
    return run;
  }

  /**
   * Maps a source box (w, h) into a target box (tw, th): full height, width scaled like the
   * height (keeping the canonical glyph's proportions) but never wider than the target, and
   * centred horizontally. Returns {sx, sy, offsetX, offsetY}. Keeping proportions matters:
   * an 'l' from a monospace font has a wide box, and stretching the canonical 'l' to fill it
   * would draw a bar.
   */
  static double[] fitInside(double tw, double th, double w, double h) {
    double sy = h < 1e-6 ? 1 : th / h;
    double sx = w < 1e-6 ? 1 : Math.min(sy, tw / w);
    if (h < 1e-6) {
      // flat glyphs such as '-' or '_': fit the width instead
      sx = w < 1e-6 ? 1 : tw / w;
      sy = sx;
    }
    return new double[] {sx, sy, (tw - w * sx) / 2, (th - h * sy) / 2};
  }

  private double minX(int i) {
    double m = Double.MAX_VALUE;
    for (int k = start[i]; k < end[i]; k++) {
      m = Math.min(m, xs[k]);
    }
    return m;
  }

  private void add(double x, double y) {
    if (size == xs.length) {
      xs = Arrays.copyOf(xs, size * 2);
      ys = Arrays.copyOf(ys, size * 2);
    }
    xs[size] = (float) x;
    ys[size] = (float) y;
    size++;
  }

  /** Bounds of the ink of all styled glyphs (whitespace cells excluded unless nothing else). */
  Bounds styledInkBounds() {
    Bounds b = new Bounds();
    for (int i = 0; i < text.length(); i++) {
      if (!outline[i].empty()) {
        for (int k = start[i]; k < end[i]; k++) {
          b.add(xs[k], ys[k]);
        }
      }
    }
    return b.isEmpty() ? Bounds.of(xs, ys, 0, styledEnd) : b;
  }

  /** Bounds of styled points [0, styledEnd): ink and whitespace cells. */
  Bounds styledBounds() {
    return Bounds.of(xs, ys, 0, styledEnd);
  }

  /** Applies {@code t} (x', y') = (a x + b, c y + d) to every point. */
  void scaleTranslate(double a, double b, double c, double d) {
    for (int i = 0; i < size; i++) {
      xs[i] = (float) (a * xs[i] + b);
      ys[i] = (float) (c * ys[i] + d);
    }
  }

  /** Path of the styled glyphs of characters whose face is {@code f} (null = all), shifted by (dx, dy). */
  Path2D.Float styledPath(FontFace f, double dx, double dy) {
    Path2D.Float p = new Path2D.Float(Path2D.WIND_NON_ZERO, styledEnd + 16);
    for (int i = 0; i < text.length(); i++) {
      if (!outline[i].empty() && (f == null || face[i] == f)) {
        p.setWindingRule(outline[i].windingRule());
        appendContours(p, start[i], outline[i].contourEnds(), dx, dy);
      }
    }
    return p;
  }

  /** Path of all clean glyphs drawn from canonical face {@code f}. */
  Path2D.Float cleanPath(FontFace f, FontFace[] canonical) {
    Path2D.Float p = new Path2D.Float(Path2D.WIND_NON_ZERO, size - styledEnd + 16);
    for (int i = 0; i < text.length(); i++) {
      if (cleanOutline[i] != null && canonical[i] == f) {
        p.setWindingRule(cleanOutline[i].windingRule());
        appendContours(p, cleanStart[i], cleanOutline[i].contourEnds(), 0, 0);
      }
    }
    return p;
  }

  private void appendContours(Path2D.Float p, int base, int[] contourEnds, double dx, double dy) {
    int from = 0;
    for (int endIdx : contourEnds) {
      p.moveTo(xs[base + from] + dx, ys[base + from] + dy);
      for (int k = from + 1; k < endIdx; k++) {
        p.lineTo(xs[base + k] + dx, ys[base + k] + dy);
      }
      p.closePath();
      from = endIdx;
    }
  }
}
