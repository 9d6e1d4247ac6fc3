package io.maskocr.renderer;

import io.maskocr.renderer.font.FontLibrary;
import io.maskocr.renderer.raster.BackgroundImages;
import io.maskocr.renderer.text.Corpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fonts, corpora and background images: loaded once, shared by every renderer (thread-safe).
 */
public final class RendererAssets {
  private final FontLibrary fonts;
  private final Corpora corpora;
  private final ConcurrentHashMap<Path, BackgroundImages> backgrounds = new ConcurrentHashMap<>();

  /** Wraps loaded parts. */
  public RendererAssets(FontLibrary fonts, Corpora corpora) {
    this.fonts = fonts;
    this.corpora = corpora;
  }

  /** Loads {@code root/assets/fonts} and {@code root/samples/corpus} of an installation or checkout. */
  public static RendererAssets load(Path root) throws IOException {
    return load(root.resolve("assets").resolve("fonts"), root.resolve("samples").resolve("corpus"));
  }

  /** Loads fonts and corpora from explicit folders. */
  public static RendererAssets load(Path fontsDir, Path corpusDir) throws IOException {
    return new RendererAssets(FontLibrary.load(fontsDir), Corpora.load(corpusDir));
  }

  /** The bundled fonts. */
  public FontLibrary fonts() {
    return fonts;
  }

  /** The word lists. */
  public Corpora corpora() {
    return corpora;
  }

  /** Background images of a folder, decoded on first use and cached. */
  public BackgroundImages backgroundImages(Path dir) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    BackgroundImages cached = backgrounds.get(key);
    if (cached == null) {
      cached = BackgroundImages.load(key);
      backgrounds.putIfAbsent(key, cached);
    }
    return cached;
  }
}
