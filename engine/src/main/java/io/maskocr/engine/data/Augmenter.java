package io.maskocr.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Light, label-preserving augmentation for real word crops: random crop margins, shear,
 * small rotation, contrast/brightness, blur and inversion. Deterministic per seed so a resumed
 * run reproduces the same images.
 */
public final class Augmenter {
  /** The augmented picture and its character boxes moved along (may be null). */
  public record Result(BufferedImage image, float[] charBoxes) {}

  private final double strength;

  /** @param strength 0 (off) .. 1 (default ranges); scales every random range */
  public Augmenter(double strength) {
    if (strength < 0 || strength > 2) {
      throw new IllegalArgumentException("augmentation strength must be in 0..2, got " + strength);
    }
    this.strength = strength;
  }

  /** Augments {@code src} with randomness drawn only from {@code seed}. */
  public Result apply(BufferedImage src, float[] boxes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int w = src.getWidth();
    int h = src.getHeight();
    // Crop: trim up to 6% per side horizontally, 10% vertically.
    int left = (int) (r.nextDouble() * 0.06 * strength * w);
    int right = (int) (r.nextDouble() * 0.06 * strength * w);
    int top = (int) (r.nextDouble() * 0.10 * strength * h);
    int bottom = (int) (r.nextDouble() * 0.10 * strength * h);
    int cw = Math.max(1, w - left - right);
    int ch = Math.max(1, h - top - bottom);
    double shear = (r.nextDouble() * 2 - 1) * 0.25 * strength;
    double angle = Math.toRadians((r.nextDouble() * 2 - 1) * 3 * strength);
    BufferedImage out = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(new java.awt.Color(src.getRGB(w / 2, 0)));
    g.fillRect(0, 0, cw, ch);
    AffineTransform t = new AffineTransform();
    t.translate(cw / 2.0, ch / 2.0);
    t.rotate(angle);
    t.shear(shear, 0);
    t.translate(-cw / 2.0 - left, -ch / 2.0 - top);
    g.drawImage(src, t, null);
    g.dispose();
    int[] px = out.getRGB(0, 0, cw, ch, null, 0, cw);
    double contrast = 1 + (r.nextDouble() * 2 - 1) * 0.4 * strength;
    double bright = (r.nextDouble() * 2 - 1) * 30 * strength;
    boolean invert = r.nextDouble() < 0.1 * strength;
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      int[] c = {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
      for (int k = 0; k < 3; k++) {
        double v = (c[k] - 128) * contrast + 128 + bright;
        if (invert) {
          v = 255 - v;
        }
        c[k] = (int) Math.max(0, Math.min(255, v));
      }
      px[i] = (c[0] << 16) | (c[1] << 8) | c[2];
    }
    if (r.nextDouble() < 0.25 * strength) {
      px = boxBlur(px, cw, ch);
    }
    out.setRGB(0, 0, cw, ch, px, 0, cw);
    float[] moved = null;
    if (boxes != null) {
      moved = new float[boxes.length];
      for (int i = 0; i < boxes.length; i++) {
        moved[i] = Math.max(0, Math.min(cw, boxes[i] - left));
      }
    }
    return new Result(out, moved);
  }

  private static int[] boxBlur(int[] px, int w, int h) {
    int[] out = new int[px.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int[] s = new int[3];
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
              int p = px[yy * w + xx];
              s[0] += (p >> 16) & 0xFF;
              s[1] += (p >> 8) & 0xFF;
              s[2] += p & 0xFF;
              n++;
            }
          }
        }
        out[y * w + x] = ((s[0] / n) << 16) | ((s[1] / n) << 8) | (s[2] / n);
      }
    }
    return out;
  }
}
