package io.maskocr.renderer.font;

import io.maskocr.renderer.config.FontCategory;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bundled font file with a cache of flattened glyph outlines. Thread-safe: outlines are
 * computed once per character and shared; rendering then never calls the font scaler.
 */
public final class FontFace {
  /** Outlines are extracted at this size and divided by it, so flattening error is ~0.002 em. */
  private static final float REFERENCE_SIZE = 100f;
  private static final double FLATNESS = 0.2;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final String file;
  private final String licence;
  private final FontCategory category;
  private final int canonicalRank;
  private final Font font;
  private final ConcurrentHashMap<Character, GlyphOutline> outlines = new ConcurrentHashMap<>();
  /**
   * canDraw answers per character, in pages of 256 made on first use: 0 = not known yet,
   * 1 = draws, 2 = does not. Racy by design: a thread that sees 0 recomputes the same answer.
   */
  private final byte[][] drawable = new byte[256][];

  FontFace(String file, String licence, FontCategory category, int canonicalRank, Font font) {
    this.file = file;
    this.licence = licence;
    this.category = category;
    this.canonicalRank = canonicalRank;
    this.font = font.deriveFont(REFERENCE_SIZE);
  }

  /** File name inside assets/fonts, used as the font's id in style params. */
  public String file() {
    return file;
  }

  /** Name of the font's licence file inside assets/fonts (the Debian copyright file of its package). */
  public String licence() {
    return licence;
  }

  /** The style family. */
  public FontCategory category() {
    return category;
  }

  /** 0 when not canonical; otherwise the preference order for clean targets (1 first). */
  public int canonicalRank() {
    return canonicalRank;
  }

  /** The font's own name, e.g. "DejaVu Sans". */
  public String fontName() {
    return font.getFontName();
  }

  /**
   * True when the font really draws {@code c}: the cmap maps it and, unless it is
   * whitespace, its outline has ink (some fonts map characters to empty glyphs).
   */
  public boolean canDraw(char c) {
    byte[] page = drawable[c >>> 8];
    if (page == null) {
      page = new byte[256];
      drawable[c >>> 8] = page;
    }
    byte known = page[c & 0xFF];
    if (known == 0) {
      known = computeCanDraw(c) ? (byte) 1 : (byte) 2;
      page[c & 0xFF] = known;
    }
    return known == 1;
  }

  private boolean computeCanDraw(char c) {
    if (Character.isSurrogate(c) || Character.isISOControl(c) || !font.canDisplay(c)) {
      return false;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || !outline(c).empty();
  }

  /** True when every character of {@code text} can be drawn. */
  public boolean canDraw(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!canDraw(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The cached outline of {@code c} in em units. */
  public GlyphOutline outline(char c) {
    return outlines.computeIfAbsent(c, this::extract);
  }

  private GlyphOutline extract(char c) {
    GlyphVector gv = font.createGlyphVector(FRC, new char[] {c});
    double advance = gv.getGlyphMetrics(0).getAdvanceX() / REFERENCE_SIZE;
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return new GlyphOutline(new float[0], new float[0], new int[0], Path2D.WIND_NON_ZERO, advance, 0, 0, 0, 0);
    }
    PathIterator it = gv.getGlyphOutline(0).getPathIterator(null, FLATNESS);
    float[] xs = new float[64];
    float[] ys = new float[64];
    int[] ends = new int[8];
    int n = 0;
    int contours = 0;
    int contourStart = 0;
    float[] seg = new float[6];
    double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
    for (; !it.isDone(); it.next()) {
      int type = it.currentSegment(seg);
      if (type == PathIterator.SEG_MOVETO && n > contourStart) {
        ends = grow(ends, contours);
        ends[contours++] = n;
        contourStart = n;
      }
      if (type == PathIterator.SEG_MOVETO || type == PathIterator.SEG_LINETO) {
        if (n == xs.length) {
          xs = Arrays.copyOf(xs, n * 2);
          ys = Arrays.copyOf(ys, n * 2);
        }
        float x = seg[0] / REFERENCE_SIZE;
        float y = seg[1] / REFERENCE_SIZE;
        xs[n] = x;
        ys[n] = y;
        n++;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
    if (n > contourStart) {
      ends = grow(ends, contours);
      ends[contours++] = n;
    }
    if (n == 0) {
      return new GlyphOutline(new float[0], new float[0], new int[0], Path2D.WIND_NON_ZERO, advance, 0, 0, 0, 0);
    }
    return new GlyphOutline(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), Arrays.copyOf(ends, contours),
        it.getWindingRule(), advance, x0, x1, y0, y1);
  }

  private static int[] grow(int[] a, int used) {
    return used < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  @Override
  public String toString() {
    return file + " (" + category.key() + ")";
  }
}
