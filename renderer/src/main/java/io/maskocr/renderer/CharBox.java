package io.maskocr.renderer;

/**
 * The box of one character in output-image pixels (continuous coordinates: pixel (i, j)
 * covers [i, i+1) x [j, j+1)). For characters with ink it is the tight bound of the glyph's
 * transformed outline (plus the outline stroke when one is drawn; a drop shadow is not part of
 * the character); for whitespace it is the transformed advance cell and {@code ink} is false.
 *
 * @param x0 left
 * @param x1 right
 * @param y0 top
 * @param y1 bottom
 * @param ink false for whitespace characters
 */
public record CharBox(double x0, double x1, double y0, double y1, boolean ink) {
  /** Width in pixels. */
  public double width() {
    return x1 - x0;
  }

  /** Height in pixels. */
  public double height() {
    return y1 - y0;
  }

  /** Centre x. */
  public double centerX() {
    return (x0 + x1) / 2;
  }
}
