package io.maskocr.renderer.font;

/**
 * One glyph's outline flattened to polygons, in em units (font size 1): origin at the pen
 * position on the baseline, x to the right, y down. Immutable (arrays are never exposed
 * for writing by the renderer).
 *
 * @param xs x of every polygon vertex
 * @param ys y of every polygon vertex
 * @param contourEnds exclusive end index of each closed contour in xs/ys
 * @param windingRule {@link java.awt.geom.Path2D#WIND_NON_ZERO} or WIND_EVEN_ODD
 * @param advance pen advance in em
 * @param x0 left of the ink bounds (em); 0 when the glyph has no ink
 * @param x1 right of the ink bounds
 * @param y0 top of the ink bounds
 * @param y1 bottom of the ink bounds
 */
public record GlyphOutline(
    float[] xs, float[] ys, int[] contourEnds, int windingRule, double advance,
    double x0, double x1, double y0, double y1) {

  /** True when the glyph draws nothing (space, or a font's empty glyph). */
  public boolean empty() {
    return xs.length == 0;
  }

  /** Number of polygon vertices. */
  public int size() {
    return xs.length;
  }
}
