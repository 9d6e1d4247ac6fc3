package io.maskocr.engine.train;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.SyntheticSource;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Resolves {@code synthetic} data specs to the renderer stream, with the bundled fonts and
 * corpora of the installation (loaded once).
 */
public final class SyntheticResolver implements DataResolver {
  private RendererAssets assets;

  @Override
  public synchronized DataSource resolve(DataSpec spec, ModelConfig config, long seed) {
    if (assets == null) {
      try {
        assets = RendererAssets.load(MaskocrHome.root());
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot load the renderer's fonts and corpora from "
            + MaskocrHome.root() + ": " + e.getMessage());
      }
    }
    StyleConfig style = style(spec);
    SampleRenderer r = new SampleRenderer(style, assets, config.imageWidth(), config.imageHeight(), seed);
    return new SyntheticSource(r, config);
  }

  /**
   * The renderer style a {@code synthetic} spec names, or the defaults. A relative path that does
   * not exist here is read from the installation (built-in recipes name {@code samples/render/...}).
   */
  public static StyleConfig style(DataSpec spec) {
    return spec.style() == null ? StyleConfig.defaults() : StyleConfigIO.read(stylePath(spec.style()));
  }

  private static Path stylePath(String style) {
    Path p = Path.of(style);
    return p.isAbsolute() || java.nio.file.Files.exists(p) ? p : MaskocrHome.root().resolve(p);
  }
}
