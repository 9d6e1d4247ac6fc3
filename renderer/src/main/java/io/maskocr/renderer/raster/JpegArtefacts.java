package io.maskocr.renderer.raster;

/**
 * JPEG compression artefacts without encoding a file: the lossy steps of baseline JPEG
 * (YCbCr, 4:2:0 chroma subsampling, 8x8 DCT, quantisation with the standard tables scaled by
 * quality as libjpeg does, inverse DCT). The entropy coding JPEG adds on top is lossless, so
 * the pixels match what an encoder at that quality produces up to rounding.
 */
public final class JpegArtefacts {
  private static final int[] LUMA = {
      16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
      14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
      18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
      49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
  private static final int[] CHROMA = {
      17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
      24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
      99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
      99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};
  /** COS[u][x] = c(u) cos((2x+1) u pi / 16) / 2, the orthonormal 8-point DCT-II basis. */
  private static final float[][] COS = new float[8][8];

  static {
    for (int u = 0; u < 8; u++) {
      double cu = u == 0 ? Math.sqrt(0.5) : 1;
      for (int x = 0; x < 8; x++) {
        COS[u][x] = (float) (cu * StrictMath.cos((2 * x + 1) * u * Math.PI / 16) / 2);
      }
    }
  }

  private JpegArtefacts() {}

  /** Applies the lossy JPEG steps at {@code quality} (5..100) in place. */
  public static void apply(Planes p, int quality) {
    int n = p.w * p.h;
    float[] y = new float[n];
    float[] cb = new float[n];
    float[] cr = new float[n];
    for (int i = 0; i < n; i++) {
      float r = p.c[0][i], g = p.c[1][i], b = p.c[2][i];
      y[i] = 0.299f * r + 0.587f * g + 0.114f * b - 128;
      cb[i] = -0.168736f * r - 0.331264f * g + 0.5f * b;
      cr[i] = 0.5f * r - 0.418688f * g - 0.081312f * b;
    }
    float[] qLuma = scaled(LUMA, quality);
    float[] qChroma = scaled(CHROMA, quality);
    quantise(y, p.w, p.h, qLuma);
    int cw = (p.w + 1) / 2, chh = (p.h + 1) / 2;
    float[] cbs = subsample(cb, p.w, p.h, cw, chh);
    float[] crs = subsample(cr, p.w, p.h, cw, chh);
    quantise(cbs, cw, chh, qChroma);
    quantise(crs, cw, chh, qChroma);
    for (int yy = 0; yy < p.h; yy++) {
      for (int xx = 0; xx < p.w; xx++) {
        int i = yy * p.w + xx;
        int j = (yy / 2) * cw + xx / 2;
        float l = y[i] + 128, u = cbs[j], v = crs[j];
        p.c[0][i] = l + 1.402f * v;
        p.c[1][i] = l - 0.344136f * u - 0.714136f * v;
        p.c[2][i] = l + 1.772f * u;
      }
    }
  }

  /** libjpeg's quality scaling of a base table. */
  private static float[] scaled(int[] base, int quality) {
    int q = Math.max(1, Math.min(100, quality));
    int scale = q < 50 ? 5000 / q : 200 - 2 * q;
    float[] out = new float[64];
    for (int i = 0; i < 64; i++) {
      out[i] = Math.max(1, Math.min(255, (base[i] * scale + 50) / 100));
    }
    return out;
  }

  private static float[] subsample(float[] src, int w, int h, int sw, int sh) {
    float[] out = new float[sw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        float s = 0;
        int c = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int yy = 2 * y + dy, xx = 2 * x + dx;
            if (yy < h && xx < w) {
              s += src[yy * w + xx];
              c++;
            }
          }
        }
        out[y * sw + x] = s / c;
      }
    }
    return out;
  }

  /** DCT, quantise, dequantise, inverse DCT on every 8x8 block (edge blocks padded by clamping). */
  private static void quantise(float[] plane, int w, int h, float[] q) {
    float[] block = new float[64];
    float[] tmp = new float[64];
    for (int by = 0; by < h; by += 8) {
      for (int bx = 0; bx < w; bx += 8) {
        for (int y = 0; y < 8; y++) {
          int yy = Math.min(h - 1, by + y);
          for (int x = 0; x < 8; x++) {
            block[y * 8 + x] = plane[yy * w + Math.min(w - 1, bx + x)];
          }
        }
        transform(block, tmp, false);
        for (int i = 0; i < 64; i++) {
          block[i] = Math.round(block[i] / q[i]) * q[i];
        }
        transform(block, tmp, true);
        for (int y = 0; y < 8 && by + y < h; y++) {
          for (int x = 0; x < 8 && bx + x < w; x++) {
            plane[(by + y) * w + bx + x] = block[y * 8 + x];
          }
        }
      }
    }
  }

  /** Separable 2-D DCT (or its inverse) of an 8x8 block, in place. */
  private static void transform(float[] b, float[] tmp, boolean inverse) {
    for (int y = 0; y < 8; y++) {
      for (int u = 0; u < 8; u++) {
        float s = 0;
        for (int x = 0; x < 8; x++) {
          s += inverse ? COS[x][u] * b[y * 8 + x] : COS[u][x] * b[y * 8 + x];
        }
        tmp[y * 8 + u] = s;
      }
    }
    for (int x = 0; x < 8; x++) {
      for (int v = 0; v < 8; v++) {
        float s = 0;
        for (int y = 0; y < 8; y++) {
          s += inverse ? COS[y][v] * tmp[y * 8 + x] : COS[v][y] * tmp[y * 8 + x];
        }
        b[v * 8 + x] = s;
      }
    }
  }
}
