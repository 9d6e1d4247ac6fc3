package io.maskocr.renderer.raster;

import io.maskocr.renderer.config.BackgroundKind;
import java.util.SplittableRandom;

/**
 * Procedural photo-like surfaces for the backgrounds of real word crops: brick, wood grain,
 * concrete, brushed metal, foliage, signboard panels and out-of-focus lights. Each is painted
 * around the sample's background colour so the configured text contrast roughly holds, from
 * the caller's generator only (deterministic per seed), and with no per-pixel
 * transcendental function (a sine table built with StrictMath), so results do not depend on
 * the JIT. Everything is generated: no image data, no licence to track.
 */
public final class SceneBackgrounds {
  private static final int SIN_N = 1024;
  private static final float[] SIN = new float[SIN_N];

  static {
    for (int i = 0; i < SIN_N; i++) {
      SIN[i] = (float) StrictMath.sin(2 * Math.PI * i / SIN_N);
    }
  }

  private SceneBackgrounds() {}

  /** True for the kinds painted here. */
  public static boolean handles(BackgroundKind kind) {
    return kind.ordinal() > BackgroundKind.IMAGE.ordinal();
  }

  /** Paints {@code kind} around base colour {@code rgb}. */
  public static void paint(Planes p, BackgroundKind kind, float[] rgb, SplittableRandom r) {
    switch (kind) {
      case BRICK -> brick(p, rgb, r);
      case WOOD -> wood(p, rgb, r);
      case CONCRETE -> concrete(p, rgb, r);
      case METAL -> metal(p, rgb, r);
      case FOLIAGE -> foliage(p, rgb, r);
      case SIGNBOARD -> signboard(p, rgb, r);
      case BOKEH -> bokeh(p, rgb, r);
      default -> throw new IllegalArgumentException("not a procedural scene background: " + kind);
    }
  }

  private static void brick(Planes p, float[] rgb, SplittableRandom r) {
    double bh = p.h * (0.22 + 0.45 * r.nextDouble());
    double bw = bh * (2 + 1.2 * r.nextDouble());
    double mortar = Math.max(0.8, bh * (0.07 + 0.1 * r.nextDouble()));
    double ox = r.nextDouble() * bw, oy = r.nextDouble() * bh;
    double lum = Palette.luminance(rgb);
    float[] joint = Palette.withLuminance(clamp01(lum + (lum > 0.5 ? -0.2 : 0.2) * (0.5 + r.nextDouble())), r.nextBoolean(), r);
    int rows = (int) Math.ceil((p.h + oy) / bh) + 1;
    int cols = (int) Math.ceil((p.w + ox + bw) / bw) + 1;
    float[] tone = new float[rows * cols];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.82 + 0.36 * r.nextDouble());
    }
    float[] grain = fbm(p.w, p.h, 3 + r.nextInt(4), 3, 1, r);
    float amount = (float) (8 + 14 * r.nextDouble());
    for (int y = 0; y < p.h; y++) {
      double fy = (y + 0.5 + oy) / bh;
      int row = (int) fy;
      double iny = (fy - row) * bh;
      double shift = (row & 1) == 0 ? 0 : bw / 2;
      for (int x = 0; x < p.w; x++) {
        double fx = (x + 0.5 + ox + shift) / bw;
        int col = (int) fx;
        double inx = (fx - col) * bw;
        double edge = Math.min(Math.min(iny, bh - iny), Math.min(inx, bw - inx));
        float j = (float) clamp01(mortar - edge + 0.5); // 1 in the joint, anti-aliased
        float t = tone[Math.min(tone.length - 1, row * cols + col)];
        int i = y * p.w + x;
        float g = amount * grain[i];
        for (int k = 0; k < 3; k++) {
          float brickV = rgb[k] * t + g;
          p.c[k][i] = brickV + (joint[k] + 0.5f * g - brickV) * j;
        }
      }
    }
  }

  private static void wood(Planes p, float[] rgb, SplittableRandom r) {
    boolean vertical = r.nextDouble() < 0.25;
    double angle = (r.nextDouble() - 0.5) * 0.3 + (vertical ? Math.PI / 2 : 0);
    double ca = StrictMath.cos(angle), sa = StrictMath.sin(angle);
    double freq = (3 + 7 * r.nextDouble()) / p.h; // grain lines per pixel across the board
    double warp = 1.5 + 3 * r.nextDouble();
    float depth = (float) (0.12 + 0.2 * r.nextDouble());
    float[] field = fbm(p.w, p.h, 2 + r.nextInt(3), 3, 0.25, r);
    double plank = p.h * (0.6 + 1.5 * r.nextDouble());
    double plankOffset = r.nextDouble() * plank;
    float[] warm = {1.06f, 1f, 0.9f};
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        int i = y * p.w + x;
        double across = -x * sa + y * ca; // distance across the grain
        double phase = across * freq + warp * field[i];
        float s = SIN[(int) ((phase - Math.floor(phase)) * SIN_N) & (SIN_N - 1)];
        float v = 1 - depth * (0.5f + 0.5f * s * s * s);
        double inPlank = (across + plankOffset) % plank;
        if (inPlank < 0) {
          inPlank += plank;
        }
        if (inPlank < 1.2) {
          v *= 0.7f; // seam between planks
        }
        for (int k = 0; k < 3; k++) {
          p.c[k][i] = rgb[k] * v * warm[k];
        }
      }
    }
  }

  private static void concrete(Planes p, float[] rgb, SplittableRandom r) {
    float[] field = fbm(p.w, p.h, 2 + r.nextInt(3), 5, 1, r);
    float amount = (float) (12 + 22 * r.nextDouble());
    float grey = (float) (0.3 + 0.5 * r.nextDouble()); // concrete is greyish
    float lum = (float) (Palette.luminance(rgb) * 255);
    double speckle = 0.01 + 0.05 * r.nextDouble();
    // one stain: a large soft darker patch
    double sx = p.w * r.nextDouble(), sy = p.h * r.nextDouble(), sr = p.h * (0.5 + 1.5 * r.nextDouble());
    float stain = (float) (0.25 * r.nextDouble());
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        int i = y * p.w + x;
        float v = amount * field[i];
        if (r.nextDouble() < speckle) {
          v += (float) ((r.nextDouble() - 0.6) * 70);
        }
        double dx = (x - sx) / sr, dy = (y - sy) / sr;
        double d2 = dx * dx + dy * dy;
        float st = d2 < 1 ? (float) (1 - stain * (1 - d2) * (1 - d2)) : 1;
        for (int k = 0; k < 3; k++) {
          float base = rgb[k] + (lum - rgb[k]) * grey;
          p.c[k][i] = (base + v) * st;
        }
      }
    }
  }

  private static void metal(Planes p, float[] rgb, SplittableRandom r) {
    // streaks: noise with long cells along x and one-pixel cells across
    int gx = 2 + r.nextInt(4);
    float[] lattice = new float[(gx + 2) * (p.h + 1)];
    for (int i = 0; i < lattice.length; i++) {
      lattice[i] = (float) (r.nextDouble() * 2 - 1);
    }
    float streak = (float) (6 + 14 * r.nextDouble());
    float[] fine = fbm(p.w, p.h, 4, 2, 1, r);
    float lum = (float) (Palette.luminance(rgb) * 255);
    float desat = (float) (0.5 + 0.45 * r.nextDouble());
    double sheenPos = r.nextDouble(), sheenWidth = 0.15 + 0.35 * r.nextDouble();
    float sheen = (float) (0.1 + 0.25 * r.nextDouble());
    double slope = (r.nextDouble() - 0.5) * 2;
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        double fx = (double) x / p.w * gx;
        int x0 = (int) fx;
        float tx = (float) (fx - x0);
        float a = lattice[y * (gx + 2) + x0], b = lattice[y * (gx + 2) + x0 + 1];
        float s = a + (b - a) * tx;
        double u = ((double) x / p.w + slope * y / p.h - sheenPos) / sheenWidth;
        float glow = u * u < 1 ? (float) ((1 - u * u) * (1 - u * u)) : 0;
        int i = y * p.w + x;
        float v = streak * s + 4 * fine[i];
        for (int k = 0; k < 3; k++) {
          float base = rgb[k] + (lum - rgb[k]) * desat;
          p.c[k][i] = (base + v) * (1 + sheen * glow);
        }
      }
    }
  }

  private static void foliage(Planes p, float[] rgb, SplittableRandom r) {
    double lum = Palette.luminance(rgb);
    float[] dark = scaled(rgb, 0.55f);
    p.fill(dark);
    int n = 25 + r.nextInt(35);
    for (int b = 0; b < n; b++) {
      double rad = p.h * (0.07 + 0.28 * r.nextDouble());
      double cx = p.w * r.nextDouble(), cy = p.h * r.nextDouble();
      double hue = 70 + 80 * r.nextDouble() - (r.nextDouble() < 0.2 ? 50 : 0); // greens, some browns
      float[] leaf = SignPalette.hsv(hue, 0.3 + 0.5 * r.nextDouble(), 0.6 + 0.4 * r.nextDouble());
      double target = clamp01(lum * (0.65 + 0.7 * r.nextDouble()));
      float gain = (float) (target / Math.max(0.02, Palette.luminance(leaf)));
      float[] col = new float[3];
      for (int k = 0; k < 3; k++) {
        col[k] = 0.5f * rgb[k] + 0.5f * Math.min(255, leaf[k] * gain);
      }
      double squash = 0.5 + 0.5 * r.nextDouble();
      disc(p, cx, cy, rad, rad * squash, col, 1f, 1.0);
    }
  }

  private static void signboard(Planes p, float[] rgb, SplittableRandom r) {
    double lum = Palette.luminance(rgb);
    float[] wall = Palette.withLuminance(clamp01(lum + (lum > 0.5 ? -1 : 1) * (0.2 + 0.4 * r.nextDouble())), r.nextBoolean(), r);
    float[] frame = Palette.withLuminance(r.nextBoolean() ? 0.9 + 0.1 * r.nextDouble() : 0.05 + 0.2 * r.nextDouble(), r.nextDouble() < 0.6, r);
    double[] edge = new double[4]; // distance of the panel edge from the left, right, top, bottom border
    for (int s = 0; s < 4; s++) {
      double reach = s < 2 ? 0.12 * p.w : 0.2 * p.h;
      edge[s] = r.nextDouble() < 0.35 ? reach * r.nextDouble() : -10;
    }
    double frameW = 0.8 + 2.2 * r.nextDouble();
    boolean framed = r.nextDouble() < 0.7;
    double gy = (r.nextDouble() - 0.5) * 30;
    float[] wallNoise = fbm(p.w, p.h, 3, 3, 1, r);
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        double inside = Math.min(Math.min(x + 0.5 - edge[0], p.w - x - 0.5 - edge[1]),
            Math.min(y + 0.5 - edge[2], p.h - y - 0.5 - edge[3]));
        int i = y * p.w + x;
        float panelV = (float) (gy * ((double) y / p.h - 0.5));
        for (int k = 0; k < 3; k++) {
          float v = rgb[k] + panelV;
          if (framed) {
            double f = clamp01(Math.min(inside + 0.5, frameW - inside + 0.5));
            v += (frame[k] - v) * (float) f;
          }
          float outside = (float) clamp01(0.5 - inside);
          p.c[k][i] = v + (wall[k] + 15 * wallNoise[i] - v) * outside;
        }
      }
    }
  }

  private static void bokeh(Planes p, float[] rgb, SplittableRandom r) {
    p.fill(rgb);
    double lum = Palette.luminance(rgb);
    int n = 6 + r.nextInt(16);
    for (int b = 0; b < n; b++) {
      double rad = p.h * (0.15 + 0.6 * r.nextDouble());
      float[] light = SignPalette.hsv(r.nextDouble() * 360, 0.3 + 0.6 * r.nextDouble(), 1);
      float alpha = (float) ((lum < 0.5 ? 0.2 : 0.12) + 0.25 * r.nextDouble());
      if (lum >= 0.5) {
        light = scaled(light, (float) (0.4 + 0.4 * r.nextDouble()));
      }
      disc(p, p.w * r.nextDouble(), p.h * r.nextDouble(), rad, rad, light, alpha, 0.25 + 0.5 * r.nextDouble());
    }
  }

  /**
   * Blends an ellipse of colour {@code rgb} with opacity {@code alpha}; {@code soft} is the
   * fraction of the radius over which the edge fades (small = crisp).
   */
  private static void disc(Planes p, double cx, double cy, double rx, double ry, float[] rgb, float alpha, double soft) {
    int x0 = Math.max(0, (int) Math.floor(cx - rx - 1)), x1 = Math.min(p.w - 1, (int) Math.ceil(cx + rx + 1));
    int y0 = Math.max(0, (int) Math.floor(cy - ry - 1)), y1 = Math.min(p.h - 1, (int) Math.ceil(cy + ry + 1));
    double fade = Math.max(1.0 / Math.max(1, rx), soft);
    for (int y = y0; y <= y1; y++) {
      double dy = (y + 0.5 - cy) / ry;
      for (int x = x0; x <= x1; x++) {
        double dx = (x + 0.5 - cx) / rx;
        double d = Math.sqrt(dx * dx + dy * dy);
        double a = clamp01((1 - d) / fade);
        if (a > 0) {
          float w = alpha * (float) a;
          int i = y * p.w + x;
          for (int k = 0; k < 3; k++) {
            p.c[k][i] += (rgb[k] - p.c[k][i]) * w;
          }
        }
      }
    }
  }

  /**
   * Fractal value noise in about [-1, 1]: {@code octaves} octaves starting at {@code cells}
   * lattice cells over the height, each twice as fine and half as strong; {@code stretchX}
   * below 1 makes cells longer along x.
   */
  static float[] fbm(int w, int h, int cells, int octaves, double stretchX, SplittableRandom r) {
    float[] out = new float[w * h];
    float weight = 0.55f;
    for (int o = 0; o < octaves; o++) {
      int c = cells << o;
      int gy = Math.min(h, c) + 1;
      int gx = Math.max(1, (int) Math.round(c * stretchX * w / (double) h)) + 1;
      gx = Math.min(gx, w + 1);
      float[] lattice = new float[(gx + 1) * (gy + 1)];
      for (int i = 0; i < lattice.length; i++) {
        lattice[i] = (float) (r.nextDouble() * 2 - 1);
      }
      float[] ty = new float[h];
      int[] y0s = new int[h];
      for (int y = 0; y < h; y++) {
        double fy = (double) y / h * gy;
        y0s[y] = (int) fy;
        double t = fy - y0s[y];
        ty[y] = (float) (t * t * (3 - 2 * t));
      }
      float[] tx = new float[w];
      int[] x0s = new int[w];
      for (int x = 0; x < w; x++) {
        double fx = (double) x / w * gx;
        x0s[x] = (int) fx;
        double t = fx - x0s[x];
        tx[x] = (float) (t * t * (3 - 2 * t));
      }
      int stride = gx + 1;
      for (int y = 0; y < h; y++) {
        int row = y0s[y] * stride;
        float fy = ty[y];
        for (int x = 0; x < w; x++) {
          int k = row + x0s[x];
          float a = lattice[k], b = lattice[k + 1], cc = lattice[k + stride], d = lattice[k + stride + 1];
          float fx = tx[x];
          float top = a + (b - a) * fx, bottom = cc + (d - cc) * fx;
          out[y * w + x] += weight * (top + (bottom - top) * fy);
        }
      }
      weight *= 0.5f;
    }
    return out;
  }

  private static float[] scaled(float[] rgb, float k) {
    return new float[] {rgb[0] * k, rgb[1] * k, rgb[2] * k};
  }

  private static double clamp01(double v) {
    return v < 0 ? 0 : Math.min(1, v);
  }
}
