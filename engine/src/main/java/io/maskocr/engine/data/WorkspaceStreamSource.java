package io.maskocr.engine.data;

import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * A workspace split read image by image: the sample list is a compact {@link SampleIndex} and
 * each image is decoded from the content-addressed store when a batch needs it, through a
 * bounded {@link ImageCache}. Memory stays bounded at any dataset size; the samples, their
 * order and their augmentation are exactly those of an {@link ImageListSource} over {@link
 * WorkspaceImages#load}, so streaming changes no batch.
 *
 * <p>A missing or undecodable image file stops the run with a message naming the sample and
 * the file. It is not skipped: the importer checked every image, so a bad file means a damaged
 * {@code images/} folder, and skipping would silently change what the run trained on (the run
 * record would list data it never saw, and a resumed run could not reproduce the order).
 */
public final class WorkspaceStreamSource implements DataSource {
  private final String description;
  private final SampleIndex index;
  private final Workspace workspace;
  private final ImageCache cache;
  private final ImagePreprocessor preprocessor;
  private final Augmenter augmenter;
  private final long seed;
  private final int readAheadBatches;

  /**
   * @param description provenance line (dataset, split)
   * @param index the samples, in a fixed order
   * @param workspace where the image files live (it must stay open while training reads)
   * @param cache decoded images, shared by the sources of one workspace
   * @param preprocessor resizes to the model input
   * @param augmenter null for none
   * @param seed mixed into every augmentation seed
   * @param readAheadBatches batches a sampler should prepare ahead (see {@link StreamOptions})
   */
  public WorkspaceStreamSource(
      String description, SampleIndex index, Workspace workspace, ImageCache cache,
      ImagePreprocessor preprocessor, Augmenter augmenter, long seed, int readAheadBatches) {
    this.description = description;
    this.index = index;
    this.workspace = workspace;
    this.cache = cache;
    this.preprocessor = preprocessor;
    this.augmenter = augmenter;
    this.seed = seed;
    this.readAheadBatches = readAheadBatches;
  }

  @Override
  public long size() {
    return index.size();
  }

  @Override
  public Sample get(long i, long variant) {
    int k = Math.toIntExact(i);
    LabeledImage li = new LabeledImage(index.name(k), image(k), index.label(k), null);
    return preprocessor.prepare(li, augmenter, Seeds.mix(seed, variant));
  }

  /** The decoded original of sample {@code k}, from the cache or the store. */
  private BufferedImage image(int k) {
    long id = index.sampleId(k);
    BufferedImage img = cache.get(id);
    if (img == null) {
      img = decode(k);
      cache.put(id, img);
    }
    return img;
  }

  private BufferedImage decode(int k) {
    try {
      return workspace.images().read(index.sha256(k), index.format(k));
    } catch (NoSuchFileException e) {
      throw unreadable(k, "the file is missing");
    } catch (IOException | RuntimeException e) {
      // decoders throw unchecked exceptions on some truncated files; the cause is the same
      throw unreadable(k, "the file cannot be decoded (" + e.getMessage() + ")");
    }
  }

  private IllegalStateException unreadable(int k, String why) {
    String original = workspace.samples().get(index.sampleId(k))
        .map(s -> " '" + s.originalName() + "'").orElse("");
    return new IllegalStateException(
        "cannot read the image of sample " + index.name(k) + original + ": " + why + ": "
            + workspace.images().path(index.sha256(k), index.format(k))
            + ". The workspace's images/ folder is damaged; re-import the dataset or remove the sample.");
  }

  @Override
  public String describe() {
    return description + " (" + index.size() + " images" + (augmenter != null ? ", augmented" : "") + ", streamed)";
  }

  @Override
  public int readAheadBatches() {
    return readAheadBatches;
  }

  /** The sample list, e.g. to count or list what a run reads. */
  public SampleIndex index() {
    return index;
  }
}
