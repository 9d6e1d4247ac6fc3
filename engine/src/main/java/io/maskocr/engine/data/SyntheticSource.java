package io.maskocr.engine.data;

import io.maskocr.engine.model.ModelConfig;
import io.maskocr.renderer.CharBox;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfigIO;
import java.util.List;

/**
 * An endless stream of rendered words at the model's input size, with per-character boxes for
 * character-aware masking. Sample {@code i} depends only on (style config, seed, i), so a
 * resumed run renders the same images.
 */
public final class SyntheticSource implements DataSource {
  private final SampleRenderer renderer;
  private final ImagePreprocessor preprocessor;
  private final String description;

  /**
   * @param renderer renders at the model input size (see {@link #forModel})
   * @param config the model the images are for
   */
  public SyntheticSource(SampleRenderer renderer, ModelConfig config) {
    if (renderer.width() != config.imageWidth() || renderer.height() != config.imageHeight()) {
      throw new IllegalArgumentException("renderer size " + renderer.width() + "x" + renderer.height()
          + " differs from the model input " + config.imageWidth() + "x" + config.imageHeight());
    }
    this.renderer = renderer;
    this.preprocessor = new ImagePreprocessor(config);
    this.description = "synthetic renderer (style sha256 " + StyleConfigIO.hash(renderer.config())
        + ", seed " + renderer.seed() + ")";
  }

  @Override
  public long size() {
    return Long.MAX_VALUE;
  }

  @Override
  public Sample get(long index, long variant) {
    RenderedSample r = renderer.render(index);
    List<CharBox> boxes = r.boxes();
    float[] spans = new float[boxes.size() * 2];
    for (int i = 0; i < boxes.size(); i++) {
      spans[2 * i] = (float) boxes.get(i).x0();
      spans[2 * i + 1] = (float) boxes.get(i).x1();
    }
    return new Sample("synthetic:" + renderer.seed() + ":" + index, preprocessor.toPixels(r.image()), r.text(), spans);
  }

  @Override
  public String describe() {
    return description;
  }
}
