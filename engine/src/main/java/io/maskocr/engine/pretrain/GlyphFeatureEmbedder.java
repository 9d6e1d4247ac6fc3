package io.maskocr.engine.pretrain;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import java.util.Arrays;

/**
 * The built-in {@link TextEmbedder}: pseudo-visual tokens from the frozen encoder's own
 * features of canonical glyphs.
 *
 * <p><b>Why this stands in for CLIP.</b> DPTR can treat CLIP text embeddings as image
 * features because CLIP was trained to put a text and a picture of it at the same place. No
 * CLIP model ships here, so we build that alignment directly: the space the decoder will read
 * is the encoder's feature space, and the encoder's features of a clean rendering of a
 * character are by construction "what this character looks like to the encoder". Each
 * symbol of the charset is rendered once in the renderer's canonical font (black on white, no
 * effects); the encoder's features of the patch columns the glyph covers are cached
 * ({@code k_s} columns of {@code gridHeight x D} values). A text is then laid out like the
 * renderer would: glyph widths plus a small gap, centred, squeezed to fit; every patch column
 * takes the cached token of the glyph part it falls on (each character keeps at least its
 * centre column), and columns between glyphs take the encoder's features of a blank page at
 * that column. The result is a sequence in the same space, of the same length N and with
 * the same left-to-right order as a real image's features: the decoder learns to read
 * characters (and which characters follow which) from text alone, at the cost of one encoder
 * pass per symbol.
 *
 * <p>What it cannot carry: context between neighbouring glyphs (each was encoded alone) and
 * real-image style; DPTR's ORP perturbation ({@link BackgroundBank}) adds the latter's
 * statistics. Everything is computed once; {@link #embed} is a pure function of the text.
 */
public final class GlyphFeatureEmbedder implements TextEmbedder {
  private final ModelConfig config;
  private final CharacterSet charset;
  private final int dim;
  private final int gridWidth;
  private final int gridHeight;
  private final float[][][] glyphColumns; // [symbol][column][gridHeight * D]
  private final float[] glyphWidth; // [symbol] pixels
  private final float[][] glyphInk; // [symbol] (H, W) clean ink of its rendering
  private final float[][] glyphX0; // [symbol] {x0, x1} of the box in its rendering
  private final float[][] blank; // [column][gridHeight * D]

  private GlyphFeatureEmbedder(ModelConfig config, CharacterSet charset, float[][][] glyphColumns,
      float[] glyphWidth, float[][] glyphInk, float[][] glyphX0, float[][] blank) {
    this.config = config;
    this.charset = charset;
    this.dim = config.width();
    this.gridWidth = config.gridWidth();
    this.gridHeight = config.gridHeight();
    this.glyphColumns = glyphColumns;
    this.glyphWidth = glyphWidth;
    this.glyphInk = glyphInk;
    this.glyphX0 = glyphX0;
    this.blank = blank;
  }

  /**
   * Renders every symbol of the model's charset and encodes the renderings with the model's
   * encoder (inference mode, on the calling engine thread).
   *
   * @param glyphs renderer used for the canonical glyphs (use {@link SyntheticText#plainStyle()})
   */
  public static GlyphFeatureEmbedder compute(MaskOcrModel model, SyntheticText glyphs) {
    ModelConfig c = model.config();
    CharacterSet cs = model.charset();
    Patches patches = new Patches(c);
    int s = cs.size();
    int plane = c.imageHeight() * c.imageWidth();
    float[] images = new float[(s + 1) * patches.count() * patches.size()];
    float[][] ink = new float[s][];
    float[][] box = new float[s][];
    for (int i = 0; i < s; i++) {
      SyntheticText.Item it = glyphs.render(i, cs.symbol(i + 1));
      if (it == null || it.boxes().length < 4) {
        throw new IllegalArgumentException("cannot render symbol '" + cs.symbol(i + 1) + "' of charset "
            + cs.name() + " with the bundled fonts, so the glyph embedder cannot cover it");
      }
      ink[i] = it.cleanInk();
      box[i] = new float[] {it.boxes()[0], it.boxes()[1]};
      patches.patchify(inkToPixels(ink[i], c.channels(), plane), images, i * patches.count() * patches.size());
    }
    patches.patchify(inkToPixels(new float[plane], c.channels(), plane), images, s * patches.count() * patches.size());
    float[] features = FrozenFeatures.of(model, images, s + 1);
    int d = c.width();
    int gw = c.gridWidth();
    int gh = c.gridHeight();
    int n = patches.count();
    float[][][] cols = new float[s][][];
    float[] width = new float[s];
    for (int i = 0; i < s; i++) {
      int[] range = patches.columnsCovering(box[i][0], box[i][1]);
      cols[i] = new float[range[1] - range[0] + 1][];
      for (int col = range[0]; col <= range[1]; col++) {
        cols[i][col - range[0]] = column(features, i * n * d, col, gw, gh, d);
      }
      width[i] = Math.max(1f, box[i][1] - box[i][0]);
    }
    float[][] blank = new float[gw][];
    for (int col = 0; col < gw; col++) {
      blank[col] = column(features, s * n * d, col, gw, gh, d);
    }
    return new GlyphFeatureEmbedder(c, cs, cols, width, ink, box, blank);
  }

  private static float[] column(float[] features, int offset, int col, int gw, int gh, int d) {
    float[] out = new float[gh * d];
    for (int row = 0; row < gh; row++) {
      System.arraycopy(features, offset + (row * gw + col) * d, out, row * d, d);
    }
    return out;
  }

  /** Black ink on white paper in [-1, 1], repeated over channels. */
  static float[] inkToPixels(float[] ink, int channels, int plane) {
    float[] px = new float[channels * plane];
    for (int ch = 0; ch < channels; ch++) {
      for (int i = 0; i < plane; i++) {
        px[ch * plane + i] = 1f - 2f * ink[i];
      }
    }
    return px;
  }

  @Override
  public int tokens() {
    return gridWidth * gridHeight;
  }

  @Override
  public int width() {
    return dim;
  }

  /** Pixel span {@code [x0, x1)} of each symbol of {@code text} in the layout. */
  float[][] layout(int[] symbols) {
    float gap = 0.12f * config.imageHeight();
    float total = 0;
    for (int i = 0; i < symbols.length; i++) {
      total += glyphWidth[symbols[i]] + (i > 0 ? gap : 0);
    }
    float scale = Math.min(1f, config.imageWidth() / Math.max(1f, total));
    float x = (config.imageWidth() - total * scale) / 2;
    float[][] spans = new float[symbols.length][2];
    for (int i = 0; i < symbols.length; i++) {
      spans[i][0] = x;
      spans[i][1] = x + glyphWidth[symbols[i]] * scale;
      x = spans[i][1] + gap * scale;
    }
    return spans;
  }

  private int[] symbolsOf(String text) {
    int[] ids = charset.encode(text);
    int[] out = new int[ids.length - 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids[i] - 1;
    }
    return out;
  }

  @Override
  public float[] embed(String text) {
    int[] sym = symbolsOf(text);
    float[][] spans = layout(sym);
    float[][] chosen = blank.clone();
    float pw = config.patchWidth();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < sym.length; i++) {
        float[][] cols = glyphColumns[sym[i]];
        float s0 = spans[i][0];
        float s1 = Math.max(spans[i][1], s0 + 1e-3f);
        int first = Math.max(0, (int) Math.floor(s0 / pw));
        int last = Math.min(gridWidth - 1, (int) Math.ceil(s1 / pw) - 1);
        int centre = Math.min(gridWidth - 1, Math.max(0, (int) Math.floor((s0 + s1) / 2 / pw)));
        for (int col = pass == 0 ? first : centre; col <= (pass == 0 ? last : centre); col++) {
          float u = ((col + 0.5f) * pw - s0) / (s1 - s0);
          int j = Math.max(0, Math.min(cols.length - 1, (int) Math.floor(u * cols.length)));
          chosen[col] = cols[j];
        }
      }
    }
    float[] out = new float[tokens() * dim];
    for (int col = 0; col < gridWidth; col++) {
      for (int row = 0; row < gridHeight; row++) {
        System.arraycopy(chosen[col], row * dim, out, (row * gridWidth + col) * dim, dim);
      }
    }
    return out;
  }

  /**
   * A picture of what {@link #embed} encodes: the canonical glyphs drawn at their layout
   * spans, {@code (C, H, W)} in [-1, 1] (for snapshots and viewers).
   */
  public float[] preview(String text) {
    int[] sym = symbolsOf(text);
    float[][] spans = layout(sym);
    int w = config.imageWidth();
    int h = config.imageHeight();
    float[] ink = new float[h * w];
    for (int i = 0; i < sym.length; i++) {
      float[] src = glyphInk[sym[i]];
      float b0 = glyphX0[sym[i]][0];
      float b1 = glyphX0[sym[i]][1];
      for (int x = Math.max(0, (int) spans[i][0]); x < Math.min(w, (int) Math.ceil(spans[i][1])); x++) {
        float u = (x + 0.5f - spans[i][0]) / Math.max(1e-3f, spans[i][1] - spans[i][0]);
        int sx = Math.max(0, Math.min(w - 1, (int) (b0 + u * (b1 - b0))));
        for (int y = 0; y < h; y++) {
          ink[y * w + x] = Math.max(ink[y * w + x], src[y * w + sx]);
        }
      }
    }
    return inkToPixels(ink, config.channels(), h * w);
  }

  @Override
  public String describe() {
    return "glyph-feature embedder: frozen encoder features of " + charset.size()
        + " canonical glyphs (" + charset.name() + ")";
  }

  /** Same cache as another embedder (for determinism checks). */
  boolean sameAs(GlyphFeatureEmbedder o) {
    return Arrays.deepEquals(glyphColumns, o.glyphColumns) && Arrays.deepEquals(blank, o.blank);
  }
}
