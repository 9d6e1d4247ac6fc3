package io.maskocr.engine.data;

import java.util.List;

/**
 * Labeled (or unlabeled) pictures held in memory, preprocessed on demand and augmented when an
 * {@link Augmenter} is given. Suitable for datasets of a few thousand crops.
 */
public final class ImageListSource implements DataSource {
  private final String description;
  private final List<LabeledImage> images;
  private final ImagePreprocessor preprocessor;
  private final Augmenter augmenter;
  private final long seed;

  /**
   * @param description provenance line (dataset id, split...)
   * @param images the pictures in a fixed order
   * @param preprocessor resizes to the model input
   * @param augmenter null for none
   * @param seed mixed into every augmentation seed
   */
  public ImageListSource(
      String description, List<LabeledImage> images, ImagePreprocessor preprocessor,
      Augmenter augmenter, long seed) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("data source '" + description + "' holds no images");
    }
    this.description = description;
    this.images = List.copyOf(images);
    this.preprocessor = preprocessor;
    this.augmenter = augmenter;
    this.seed = seed;
  }

  @Override
  public long size() {
    return images.size();
  }

  @Override
  public Sample get(long index, long variant) {
    return preprocessor.prepare(images.get((int) index), augmenter, Seeds.mix(seed, variant));
  }

  @Override
  public String describe() {
    return description + " (" + images.size() + " images" + (augmenter != null ? ", augmented" : "") + ")";
  }

  /** The pictures, e.g. for evaluation. */
  public List<LabeledImage> images() {
    return images;
  }
}
