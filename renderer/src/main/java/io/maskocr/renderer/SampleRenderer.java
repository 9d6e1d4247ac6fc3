package io.maskocr.renderer;

import io.maskocr.renderer.sampling.WeightedChoice;
import io.maskocr.renderer.config.BackgroundKind;
import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.font.FontFace;
import io.maskocr.renderer.geom.Bounds;
import io.maskocr.renderer.geom.ElasticField;
import io.maskocr.renderer.geom.Homography;
import io.maskocr.renderer.raster.BackgroundImages;
import io.maskocr.renderer.raster.Backgrounds;
import io.maskocr.renderer.raster.ChromaticShift;
import io.maskocr.renderer.raster.Filters;
import io.maskocr.renderer.raster.JpegArtefacts;
import io.maskocr.renderer.raster.Lighting;
import io.maskocr.renderer.raster.Occluder;
import io.maskocr.renderer.raster.Palette;
import io.maskocr.renderer.raster.Planes;
import io.maskocr.renderer.raster.SignPalette;
import io.maskocr.renderer.text.TextMix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders styled word images with exact character boxes and ODM clean targets.
 *
 * <p>Geometry is applied to glyph outlines, not pixels: outlines are laid out in em units,
 * bent (curve), displaced (elastic), rotated, projected (perspective) and fitted into the
 * output; the styled image, the boxes and the clean target are all drawn from the same
 * transformed points, so boxes are exact and the clean target is aligned by construction.
 * Raster effects (blur, low resolution, noise, JPEG) come last and move no geometry.
 *
 * <p>Thread-safe and deterministic: {@code render(i)} depends only on (config, seed, i), and
 * every random choice has its own generator derived from them, so changing one effect's
 * setting does not change the text, font or other effects of a sample.
 */
public final class SampleRenderer {
  private static final int S_TEXT = 1, S_FONT = 2, S_FIT = 3, S_COLOR = 4, S_BACKGROUND = 5;
  private static final int MAX_ATTEMPTS = 50;
  private static final BasicStroke DEFAULT_STROKE = new BasicStroke();

  private final StyleConfig config;
  private final RendererAssets assets;
  private final int width;
  private final int height;
  private final long seed;
  private final TextMix textMix;
  private final FontChooser fonts;
  private final BackgroundImages backgroundImages;
  private final WeightedChoice<BackgroundKind> backgrounds;
  private final ThreadLocal<Scratch> scratch;

  /**
   * A renderer of {@code width x height} images.
   *
   * @throws IllegalArgumentException for sizes outside 8..4096 or a config whose fonts are missing
   * @throws UncheckedIOException when the config's background images cannot be loaded
   */
  public SampleRenderer(StyleConfig config, RendererAssets assets, int width, int height, long seed) {
    if (width < 8 || height < 8 || width > 4096 || height > 4096) {
      throw new IllegalArgumentException("image size " + width + "x" + height + " must be between 8 and 4096 pixels per side");
    }
    this.config = config;
    this.assets = assets;
    this.width = width;
    this.height = height;
    this.seed = seed;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(width, height));
    this.textMix = new TextMix(config, assets.corpora());
    this.fonts = new FontChooser(config, assets.fonts());
    this.backgrounds = new WeightedChoice<>(List.of(BackgroundKind.values()), config.background(),
        BackgroundKind::key, k -> true);
    try {
      backgroundImages = config.background().getOrDefault("image", 0.0) > 0
          ? assets.backgroundImages(Path.of(config.backgroundImages()))
          : BackgroundImages.none();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  public StyleConfig config() {
    return config;
  }

  public RendererAssets assets() {
    return assets;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public long seed() {
    return seed;
  }

  /** Renders sample {@code index} with text drawn from the config's corpus mix. */
  public RenderedSample render(long index) {
    return render(index, null);
  }

  /**
   * Renders sample {@code index} showing {@code text} (or a corpus text when null).
   *
   * @throws IllegalArgumentException when no bundled font can draw the given text
   */
  public RenderedSample render(long index, String text) {
    SplittableRandom rText = stream(index, S_TEXT);
    SplittableRandom rFont = stream(index, S_FONT);
    String chosen = null;
    String source = "given";
    FontFace main = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && main == null; attempt++) {
      if (text != null) {
        chosen = text;
      } else {
        TextMix.Drawn d = textMix.next(rText);
        chosen = d.text();
        source = d.source().key();
      }
      if (!chosen.isBlank() && chosen.length() <= 256) {
        main = fonts.choose(chosen, rFont);
      }
      if (main == null && text != null) {
        int bad = fonts.firstUndrawable(text);
        throw new IllegalArgumentException(bad < 0
            ? "cannot render '" + text + "': text must be 1..256 characters and not blank"
            : "no bundled font can draw character '" + text.charAt(bad) + "' (U+"
                + String.format("%04X", (int) text.charAt(bad)) + ") of '" + text + "'");
      }
    }
    if (main == null) {
      throw new IllegalStateException("no bundled font could draw " + MAX_ATTEMPTS + " texts in a row; check the corpus and fonts weights");
    }
    return draw(index, chosen, source, main);
  }

  private RenderedSample draw(long index, String text, String source, FontFace main) {
    Map<String, Double> applied = new LinkedHashMap<>();
    int n = text.length();
    FontFace[] faces = new FontFace[n];
    FontFace[] canonical = new FontFace[n];
    for (int i = 0; i < n; i++) {
      faces[i] = fonts.faceFor(main, text.charAt(i));
      canonical[i] = assets.fonts().canonicalFor(text.charAt(i));
    }
    double spacing = fire(index, EffectKind.LETTER_SPACING, applied);
    GlyphRun run = GlyphRun.layout(text, faces, canonical, Double.isNaN(spacing) ? 0 : spacing);
    // neighbouring-text fragments: laid out beside the word, warped and fitted with it
    SplittableRandom rDistract = stream(index, 100 + EffectKind.DISTRACTORS.ordinal());
    double distract = fire(EffectKind.DISTRACTORS, rDistract, applied);
    List<Distractors.Fragment> fragments = Double.isNaN(distract) ? List.of()
        : Distractors.prepare(run, main, Double.isNaN(spacing) ? 0 : spacing, textMix, fonts, rDistract);
    List<GlyphRun> extras = Distractors.runs(fragments);
    warp(index, run, extras, applied);

    double outline = fire(index, EffectKind.OUTLINE, applied);
    SplittableRandom rShadow = stream(index, 100 + EffectKind.SHADOW.ordinal());
    double shadow = fire(EffectKind.SHADOW, rShadow, applied);
    double halfStroke = Double.isNaN(outline) ? 0 : outline / 2;
    double shadowAngle = rShadow.nextDouble() * 2 * Math.PI;
    double sdx = Double.isNaN(shadow) ? 0 : shadow * StrictMath.cos(shadowAngle);
    double sdy = Double.isNaN(shadow) ? 0 : shadow * StrictMath.sin(shadowAngle);
    double textHeight = fit(index, run, extras, 1 + halfStroke + Math.max(Math.abs(sdx), Math.abs(sdy)), applied);
    SplittableRandom rCrop = stream(index, 100 + EffectKind.CROP_JITTER.ordinal());
    if (!Double.isNaN(fire(EffectKind.CROP_JITTER, rCrop, applied))) {
      CropJitter.apply(run, extras, config.effect(EffectKind.CROP_JITTER), width, height, rCrop);
      textHeight = Math.min(1, run.styledInkBounds().height() / height);
    }
    if (!fragments.isEmpty()) {
      Distractors.limit(fragments, run.styledInkBounds(), distract, width, height);
    }

    List<CharBox> boxes = boxes(run, halfStroke);
    BufferedImage clean = cleanTarget(run, canonical, boxes, halfStroke);

    SplittableRandom rColor = stream(index, S_COLOR);
    double contrast = config.contrast().draw(rColor);
    boolean grey = rColor.nextDouble() < config.grayscale();
    double[] lum = Palette.luminancePair(contrast, rColor);
    float[] bg = Palette.withLuminance(lum[0], grey, rColor);
    float[] fg = Palette.withLuminance(lum[1], grey, rColor);
    float[] outlineRgb = Palette.withLuminance(lum[1] > 0.5 ? lum[1] - 0.5 - 0.3 * rColor.nextDouble()
        : lum[1] + 0.5 + 0.3 * rColor.nextDouble(), grey, rColor);
    SplittableRandom rSign = stream(index, 100 + EffectKind.SIGN_COLORS.ordinal());
    double sign = fire(EffectKind.SIGN_COLORS, rSign, applied);
    if (!Double.isNaN(sign)) {
      float[][] pair = SignPalette.pick(sign, contrast, grey, rSign);
      bg = pair[0];
      fg = pair[1];
      double l = Palette.luminance(fg);
      outlineRgb = Palette.withLuminance(l > 0.5 ? Math.max(0, l - 0.6) : Math.min(1, l + 0.6), grey, rSign);
    }

    Planes planes = new Planes(width, height);
    SplittableRandom rBg = stream(index, S_BACKGROUND);
    BackgroundKind kind = backgrounds.pick(rBg);
    Backgrounds.paint(planes, kind, bg, rBg, backgroundImages);
    if (kind == BackgroundKind.IMAGE) {
      // keep the requested contrast against the crop's mean luminance
      double mean = planes.meanLuminance() / 255.0;
      double t = mean + contrast <= 1 && (mean - contrast < 0 || rColor.nextBoolean()) ? mean + contrast : mean - contrast;
      fg = Palette.withLuminance(Math.max(0, Math.min(1, t)), grey, rColor);
    }
    if (!fragments.isEmpty()) {
      float[] other = rDistract.nextDouble() < 0.7 ? fg
          : Palette.withLuminance(Math.max(0, Math.min(1, Palette.luminance(fg) + 0.2 * (rDistract.nextDouble() - 0.5))), grey, rDistract);
      for (GlyphRun f : extras) {
        planes.blend(coverage(f, 0, 0, 0), other, 1f);
      }
    }
    if (!Double.isNaN(shadow)) {
      float[] shadowRgb = Palette.withLuminance(Math.max(0, Palette.luminance(bg) - 0.5), grey, rColor);
      planes.blend(coverage(run, sdx, sdy, 0), shadowRgb, 0.6f);
    }
    if (!Double.isNaN(outline)) {
      planes.blend(coverage(run, 0, 0, (float) outline), outlineRgb, 1f);
    }
    planes.blend(coverage(run, 0, 0, 0), fg, 1f);
    sceneEffects(index, planes, boxes, run.styledInkBounds(), bg, applied);
    rasterEffects(index, planes, applied);

    StyleParams style = new StyleParams(main.file(), main.category().key(), source, kind.key(),
        rgb(fg), rgb(bg), textHeight, applied);
    return new RenderedSample(planes.toImage(), text, boxes, clean, style, seed, index);
  }

  /**
   * Curve, elastic, rotation and perspective on every outline point, in that order; the
   * {@code extras} (neighbouring-text fragments) get the same maps, set up from the word.
   */
  private void warp(long index, GlyphRun run, List<GlyphRun> extras, Map<String, Double> applied) {
    double curve = fire(index, EffectKind.CURVE, applied);
    if (!Double.isNaN(curve) && run.advance > 0) {
      double cx = run.advance / 2;
      for (int i = 0; i < run.size; i++) {
        double u = (run.xs[i] - cx) / cx;
        run.ys[i] += (float) (curve * u * u);
      }
      for (GlyphRun e : extras) {
        for (int i = 0; i < e.size; i++) {
          double u = Math.abs((e.xs[i] - cx) / cx);
          e.ys[i] += (float) (curve * (u <= 1 ? u * u : 2 * u - 1)); // the parabola's tangent beyond the word
        }
      }
    }
    SplittableRandom rElastic = stream(index, 100 + EffectKind.ELASTIC.ordinal());
    double elastic = fire(EffectKind.ELASTIC, rElastic, applied);
    if (!Double.isNaN(elastic)) {
      ElasticField field = new ElasticField(elastic, rElastic);
      field.apply(run.xs, run.ys, 0, run.size);
      for (GlyphRun e : extras) {
        field.apply(e.xs, e.ys, 0, e.size);
      }
    }
    double rotation = fire(index, EffectKind.ROTATION, applied);
    if (!Double.isNaN(rotation)) {
      Bounds b = run.styledInkBounds();
      double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
      double a = Math.toRadians(rotation), cos = StrictMath.cos(a), sin = StrictMath.sin(a);
      rotate(run, cx, cy, cos, sin);
      for (GlyphRun e : extras) {
        rotate(e, cx, cy, cos, sin);
      }
    }
    SplittableRandom rPersp = stream(index, 100 + EffectKind.PERSPECTIVE.ordinal());
    double persp = fire(EffectKind.PERSPECTIVE, rPersp, applied);
    if (!Double.isNaN(persp)) {
      Bounds b = run.styledInkBounds();
      double[] src = {b.x0, b.y0, b.x1, b.y0, b.x1, b.y1, b.x0, b.y1};
      double[] dst = src.clone();
      double amount = persp * b.height();
      for (int k = 0; k < 8; k++) {
        dst[k] += amount * (2 * rPersp.nextDouble() - 1);
      }
      Homography h = Homography.fromCorners(src, dst);
      h.apply(run.xs, run.ys, 0, run.size);
      for (GlyphRun e : extras) {
        h.apply(e.xs, e.ys, 0, e.size);
      }
    }
  }

  private static void rotate(GlyphRun run, double cx, double cy, double cos, double sin) {
    for (int i = 0; i < run.size; i++) {
      double x = run.xs[i] - cx, y = run.ys[i] - cy;
      run.xs[i] = (float) (cx + cos * x - sin * y);
      run.ys[i] = (float) (cy + sin * x + cos * y);
    }
  }

  /**
   * Scales and moves the run into the output: the ink fills a drawn fraction of the height,
   * squeezed horizontally when too wide, placed at a random position inside {@code margin}.
   * When the stretch effect fires the word is instead scaled horizontally to fill its drawn
   * fraction of the width, whatever its length: real crops are cut tight around the word and
   * resized to the input, so short words arrive wide and long ones narrow. Returns the height
   * fraction.
   */
  private double fit(long index, GlyphRun run, List<GlyphRun> extras, double margin, Map<String, Double> applied) {
    SplittableRandom r = stream(index, S_FIT);
    double fraction = config.textHeight().draw(r);
    Bounds ink = run.styledInkBounds();
    Bounds all = run.styledBounds();
    double availW = Math.max(1, width - 2 * margin);
    double availH = Math.max(1, height - 2 * margin);
    double sy = Math.min(fraction * height, availH) / Math.max(ink.height(), 1e-3);
    sy = Math.min(sy, availH / Math.max(all.height(), 1e-3));
    double sx = Math.min(sy, availW / Math.max(all.width(), 1e-3));
    double stretch = fire(index, EffectKind.STRETCH, applied);
    if (!Double.isNaN(stretch)) {
      sx = stretch * availW / Math.max(all.width(), 1e-3);
    }
    double freeX = availW - all.width() * sx;
    double freeY = availH - all.height() * sy;
    double tx = margin + freeX * r.nextDouble() - all.x0 * sx;
    double ty = margin + freeY * r.nextDouble() - all.y0 * sy;
    run.scaleTranslate(sx, tx, sy, ty);
    for (GlyphRun e : extras) {
      e.scaleTranslate(sx, tx, sy, ty);
    }
    return Math.min(1, ink.height() * sy / height);
  }

  private List<CharBox> boxes(GlyphRun run, double halfStroke) {
    List<CharBox> out = new ArrayList<>(run.text.length());
    for (int i = 0; i < run.text.length(); i++) {
      Bounds b = Bounds.of(run.xs, run.ys, run.start[i], run.end[i]);
      boolean ink = !run.outline[i].empty();
      double e = ink ? halfStroke : 0;
      out.add(new CharBox(b.x0 - e, b.x1 + e, b.y0 - e, b.y1 + e, ink));
    }
    return out;
  }

  /**
   * Draws the canonical glyphs, black on white, without anti-aliasing. Each clean glyph was
   * placed on its styled glyph's ink bounds before warping; after warping the bounds of the
   * two differ slightly (different shapes under the same map), so each clean glyph gets a
   * final axis-aligned correction into its box: clean glyph i spans the full height of box i
   * and lies inside it, centred, keeping the canonical proportions.
   */
  private BufferedImage cleanTarget(GlyphRun run, FontFace[] canonical, List<CharBox> boxes, double halfStroke) {
    for (int i = 0; i < run.text.length(); i++) {
      if (run.cleanEnd[i] > run.cleanStart[i]) {
        Bounds c = Bounds.of(run.xs, run.ys, run.cleanStart[i], run.cleanEnd[i]);
        CharBox box = boxes.get(i);
        double bx0 = box.x0() + halfStroke, bx1 = box.x1() - halfStroke;
        double by0 = box.y0() + halfStroke, by1 = box.y1() - halfStroke;
        double[] m = GlyphRun.fitInside(bx1 - bx0, by1 - by0, c.width(), c.height());
        for (int k = run.cleanStart[i]; k < run.cleanEnd[i]; k++) {
          run.xs[k] = (float) (bx0 + m[2] + (run.xs[k] - c.x0) * m[0]);
          run.ys[k] = (float) (by0 + m[3] + (run.ys[k] - c.y0) * m[1]);
        }
      }
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    java.util.Arrays.fill(((DataBufferByte) img.getRaster().getDataBuffer()).getData(), (byte) 255);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.BLACK);
      for (FontFace f : distinct(canonical)) {
        g.fill(run.cleanPath(f, canonical));
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * Anti-aliased coverage (0..255) of the styled glyphs, shifted; stroked when stroke > 0.
   * The returned array is this thread's scratch buffer: use it before the next call.
   */
  private byte[] coverage(GlyphRun run, double dx, double dy, float stroke) {
    Scratch s = scratch.get();
    java.util.Arrays.fill(s.pixels, (byte) 0);
    Graphics2D g = s.graphics;
    g.setStroke(stroke > 0 ? new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND) : DEFAULT_STROKE);
    // one path per font: glyphs of one font share contour orientation, so overlapping
    // neighbours (negative spacing) unite under the non-zero rule instead of cancelling
    for (FontFace f : distinct(run.face)) {
      Path2D.Float p = run.styledPath(f, dx, dy);
      if (stroke > 0) {
        g.draw(p);
      } else {
        g.fill(p);
      }
    }
    return s.pixels;
  }

  /**
   * A per-thread coverage surface: creating a BufferedImage and Graphics2D per sample cost
   * more than filling the glyphs. Cleared before every use, so results do not depend on it.
   */
  private static final class Scratch {
    final byte[] pixels;
    final Graphics2D graphics;

    Scratch(int width, int height) {
      BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
      pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      graphics = img.createGraphics();
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.setColor(Color.WHITE);
    }
  }

  /**
   * What the scene does to a crop before the camera: an occluder over the word's edge, then
   * uneven light and a cast shadow over everything (text and background alike).
   */
  private void sceneEffects(long index, Planes planes, List<CharBox> boxes, Bounds word, float[] bg,
      Map<String, Double> applied) {
    SplittableRandom rOcc = stream(index, 100 + EffectKind.OCCLUSION.ordinal());
    double occlusion = fire(EffectKind.OCCLUSION, rOcc, applied);
    if (!Double.isNaN(occlusion)) {
      CharBox first = null, last = null;
      for (CharBox b : boxes) {
        if (b.ink()) {
          first = first == null ? b : first;
          last = b;
        }
      }
      if (first != null) {
        Occluder.paint(planes, occlusion, new double[] {word.x0, word.x1, word.y0, word.y1},
            new double[] {first.x0(), first.x1(), first.y0(), first.y1()},
            new double[] {last.x0(), last.x1(), last.y0(), last.y1()}, Palette.luminance(bg), rOcc);
      }
    }
    fireWithStream(index, EffectKind.SHADING, applied, (r, v) -> Lighting.shade(planes, v, r));
    fireWithStream(index, EffectKind.CAST_SHADOW, applied, (r, v) -> Lighting.castShadow(planes, v, r));
  }

  /**
   * Draws effect {@code kind} with its own random stream (so it never shifts other effects' draws)
   * and, when it fires, applies it with its value and that stream.
   */
  private void fireWithStream(long index, EffectKind kind, Map<String, Double> applied,
      java.util.function.ObjDoubleConsumer<SplittableRandom> apply) {
    SplittableRandom r = stream(index, 100 + kind.ordinal());
    double value = fire(kind, r, applied);
    if (!Double.isNaN(value)) {
      apply.accept(r, value);
    }
  }

  private void rasterEffects(long index, Planes planes, Map<String, Double> applied) {
    double blur = fire(index, EffectKind.BLUR, applied);
    if (!Double.isNaN(blur)) {
      Filters.gaussianBlur(planes, blur);
    }
    double lowRes = fire(index, EffectKind.LOW_RES, applied);
    if (!Double.isNaN(lowRes)) {
      Filters.lowResolution(planes, lowRes);
    }
    fireWithStream(index, EffectKind.CHROMATIC, applied, (r, v) -> ChromaticShift.apply(planes, v, r));
    fireWithStream(index, EffectKind.NOISE, applied, (r, v) -> Filters.noise(planes, v, r));
    double jpeg = fire(index, EffectKind.JPEG, applied);
    if (!Double.isNaN(jpeg)) {
      JpegArtefacts.apply(planes, (int) Math.round(jpeg));
    }
  }

  /** Draws the effect from its own stream; NaN when it does not fire. */
  private double fire(long index, EffectKind kind, Map<String, Double> applied) {
    return fire(kind, stream(index, 100 + kind.ordinal()), applied);
  }

  private double fire(EffectKind kind, SplittableRandom r, Map<String, Double> applied) {
    Effect e = config.effect(kind);
    boolean fires = e.fires(r);
    double v = e.draw(r);
    if (!fires) {
      return Double.NaN;
    }
    applied.put(kind.key(), v);
    return v;
  }

  /** An independent generator for (seed, index, purpose): SplitMix64 finalizer over the triple. */
  private SplittableRandom stream(long index, int purpose) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = mix(z) ^ (purpose * 0xC2B2AE3D27D4EB4FL);
    return new SplittableRandom(mix(z));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static List<FontFace> distinct(FontFace[] faces) {
    List<FontFace> out = new ArrayList<>(2);
    for (FontFace f : faces) {
      if (f != null && !out.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static int rgb(float[] c) {
    return (Math.round(Math.max(0, Math.min(255, c[0]))) << 16)
        | (Math.round(Math.max(0, Math.min(255, c[1]))) << 8)
        | Math.round(Math.max(0, Math.min(255, c[2])));
  }
}
