package io.maskocr.engine.pretrain;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.renderer.CharBox;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.text.TextMix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The renderer at the model's input size, filtered to what the model can read: a sample's
 * label is the charset-normalized text, and only the boxes of characters that survive the
 * normalization are kept (latin36 drops punctuation and folds case), so box i belongs to
 * label character i. Texts the charset cannot encode or that are too long are redrawn.
 * Thread-safe and a pure function of (seed, index).
 */
public final class SyntheticText {
  private static final int MAX_REDRAWS = 64;
  private static volatile RendererAssets sharedAssets;

  private final ModelConfig config;
  private final CharacterSet charset;
  private final SampleRenderer renderer;
  private final ImagePreprocessor pre;
  private final TextMix texts;
  private final long seed;

  /**
   * One rendered, charset-filtered sample in model-input pixels.
   *
   * @param sample pixels {@code (C, H, W)} in [-1, 1], label and character spans
   * @param boxes per label character {@code x0, x1, y0, y1} (4 values each)
   * @param cleanInk the renderer's clean target, {@code (H, W)}, 1 = ink
   */
  public record Item(Sample sample, float[] boxes, float[] cleanInk) {}

  /**
   * @param config model input size and max length
   * @param charset the symbols the model reads
   * @param seed renderer seed
   * @param style renderer style ({@link StyleConfig#defaults()} when null)
   */
  public SyntheticText(ModelConfig config, CharacterSet charset, long seed, StyleConfig style) {
    this.config = config;
    this.charset = charset;
    this.seed = seed;
    StyleConfig s = withMaxLength(style == null ? StyleConfig.defaults() : style,
        Math.min(config.maxLength(), 64));
    this.renderer = new SampleRenderer(s, assets(), config.imageWidth(), config.imageHeight(), seed);
    this.pre = new ImagePreprocessor(config);
    this.texts = new TextMix(s, assets().corpora());
  }

  /** Fonts and corpora of the installation, loaded once per process. */
  public static RendererAssets assets() {
    RendererAssets a = sharedAssets;
    if (a == null) {
      synchronized (SyntheticText.class) {
        if (sharedAssets == null) {
          try {
            sharedAssets = RendererAssets.load(MaskocrHome.root());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the renderer's fonts and corpora: " + e.getMessage(), e);
          }
        }
        a = sharedAssets;
      }
    }
    return a;
  }

  /** A style with every geometric and raster effect off: upright canonical glyphs. */
  public static StyleConfig plainStyle() {
    StyleConfig s = StyleConfig.defaults();
    for (EffectKind k : EffectKind.values()) {
      Effect e = s.effect(k);
      s = s.withEffect(k, new Effect(0, e.min(), e.max()));
    }
    return s;
  }

  private static StyleConfig withMaxLength(StyleConfig s, int maxLength) {
    return new StyleConfig(s.version(), s.fonts(), s.corpus(), Math.min(maxLength, 64), s.textHeight(),
        s.contrast(), s.grayscale(), s.background(), s.backgroundImages(), s.effects());
  }

  /** The sample at {@code index} (redrawn at derived indices until the charset can read it). */
  public Item item(long index) {
    for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      long i = attempt == 0 ? index : Seeds.mix(index, attempt) & Long.MAX_VALUE;
      Item it = toItem(renderer.render(i));
      if (it != null) {
        return it;
      }
    }
    throw new IllegalStateException("the renderer produced no text charset " + charset.name()
        + " can read in " + MAX_REDRAWS + " tries: check the style's corpus weights");
  }

  /** Renders exactly {@code text} (sample {@code index} decides the style); null if unreadable. */
  public Item render(long index, String text) {
    return toItem(renderer.render(index, text));
  }

  private Item toItem(RenderedSample rs) {
    String text = rs.text();
    StringBuilder label = new StringBuilder();
    List<CharBox> kept = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      String one = charset.normalize(String.valueOf(text.charAt(i)));
      if (one.isEmpty()) {
        continue;
      }
      if (!charset.canEncode(one)) {
        return null;
      }
      label.append(one);
      kept.add(rs.boxes().get(i));
    }
    if (label.length() < 1 || label.length() > config.maxLength()) {
      return null;
    }
    float[] spans = new float[kept.size() * 2];
    float[] boxes = new float[kept.size() * 4];
    for (int i = 0; i < kept.size(); i++) {
      CharBox b = kept.get(i);
      spans[2 * i] = (float) b.x0();
      spans[2 * i + 1] = (float) b.x1();
      boxes[4 * i] = (float) b.x0();
      boxes[4 * i + 1] = (float) b.x1();
      boxes[4 * i + 2] = (float) b.y0();
      boxes[4 * i + 3] = (float) b.y1();
    }
    Sample s = new Sample("synthetic:" + seed + "#" + rs.index(), pre.toPixels(rs.image()), label.toString(), spans);
    return new Item(s, boxes, rs.cleanInk());
  }

  /** A corpus text the charset can read, normalized, 1..maxLength symbols (text only, no image). */
  public String text(SplittableRandom r) {
    for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      String t = charset.normalize(texts.next(r).text().strip());
      int len = t.codePointCount(0, t.length());
      if (len >= 1 && len <= config.maxLength() && charset.canEncode(t)) {
        return t;
      }
    }
    throw new IllegalStateException("the corpus yields no text charset " + charset.name() + " can read");
  }

  /** Provenance line. */
  public String describe() {
    return "synthetic renderer " + config.imageWidth() + "x" + config.imageHeight() + " seed " + seed
        + " charset " + charset.name();
  }
}
