package io.maskocr.engine.infer;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The pictures a {@link SecondLook} reads a crop as: deskewed, loosened, contrast-stretched and inverted. */
public final class LookViews {
  /** Narrowest word band, in source pixels, worth reading. */
  private static final int MIN_BAND = 4;

  /** Share of the width (each side) a loosened crop gains. */
  private static final double LOOSE_X = 0.08;

  /** Share of the height (top and bottom) a loosened crop gains. */
  private static final double LOOSE_Y = 0.15;

  /** Share of the darkest and of the lightest pixels a stretched crop clips. */
  private static final double CLIP = 0.02;

  private LookViews() {}

  /**
   * The word of an upright {@code w x h} box, taken to run at {@code degrees} (positive: rising to
   * the right) through the box's centre, turned level and cut to its own rectangle; null when no
   * such word fits the box (it would be taller than long, or thinner than {@value #MIN_BAND}
   * pixels).
   *
   * <p>A word of length l and height t at angle a fills a box of w = l cos a + t sin a and
   * h = l sin a + t cos a; solved for l and t.
   */
  public static BufferedImage deskewed(BufferedImage image, double degrees) {
    double a = Math.toRadians(Math.abs(degrees));
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double det = Math.cos(2 * a);
    int w = image.getWidth();
    int h = image.getHeight();
    double length = (w * cos - h * sin) / det;
    double height = (h * cos - w * sin) / det;
    if (!(det > 0 && length > 0 && height >= MIN_BAND && height <= length)) {
      return null;
    }
    int lw = (int) Math.round(length);
    int th = (int) Math.round(height);
    BufferedImage out = new BufferedImage(lw, th, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.translate(lw / 2.0, th / 2.0);
      g.rotate(Math.toRadians(degrees));
      g.translate(-w / 2.0, -h / 2.0);
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * The crop with a margin around it ({@value #LOOSE_X} of its width each side, {@value #LOOSE_Y}
   * of its height above and below), filled by repeating its edge pixels: a box drawn tight to the
   * ink, or cutting into it, read as the looser crops the model learned on.
   */
  public static BufferedImage loosened(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int px = (int) Math.round(w * LOOSE_X);
    int py = (int) Math.round(h * LOOSE_Y);
    BufferedImage out = new BufferedImage(w + 2 * px, h + 2 * py, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      int sy = Math.min(h - 1, Math.max(0, y - py));
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, image.getRGB(Math.min(w - 1, Math.max(0, x - px)), sy));
      }
    }
    return out;
  }

  /**
   * The crop with its luminance stretched to the full range ({@value #CLIP} of the pixels clipped
   * at each end); the crop itself when it is nearly flat. Real photos are often hazier than the
   * synthetic words a starter learned on.
   */
  public static BufferedImage stretched(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    int[] histogram = new int[256];
    for (int p : px) {
      histogram[luminance(p)]++;
    }
    int lo = 0;
    for (int seen = 0; lo < 255 && (seen += histogram[lo]) < px.length * CLIP; lo++) {
      // the darkest CLIP of the pixels
    }
    int hi = 255;
    for (int seen = 0; hi > 0 && (seen += histogram[hi]) < px.length * CLIP; hi--) {
      // the lightest CLIP of the pixels
    }
    if (hi - lo < 10) {
      return image;
    }
    double k = 255.0 / (hi - lo);
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      px[i] = stretch(p >> 16 & 0xFF, lo, k) << 16 | stretch(p >> 8 & 0xFF, lo, k) << 8 | stretch(p & 0xFF, lo, k);
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, px, 0, w);
    return out;
  }

  /**
   * The crop in negative: light letters on a dark ground read as dark letters on a light one
   * (the starter reads 0.5 points more of the train crops with this picture among the others).
   */
  public static BufferedImage inverted(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < px.length; i++) {
      px[i] = ~px[i] & 0xFFFFFF;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, px, 0, w);
    return out;
  }

  private static int luminance(int rgb) {
    return (int) (0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF));
  }

  private static int stretch(int channel, int lo, double k) {
    return Math.max(0, Math.min(255, (int) ((channel - lo) * k)));
  }
}
