package io.maskocr.engine.io;

/**
 * Limits that keep a hostile or broken file from exhausting memory. Checked from the image
 * header before any pixel is decoded.
 *
 * @param maxFileBytes largest encoded file accepted
 * @param maxPixels largest width*height accepted
 * @param maxSide largest width or height accepted
 */
public record ImageLimits(long maxFileBytes, long maxPixels, int maxSide) {
  /** 64 MB files, 50 Mpixel, 20,000 px per side. */
  public static final ImageLimits DEFAULT = new ImageLimits(64L << 20, 50_000_000L, 20_000);
}
