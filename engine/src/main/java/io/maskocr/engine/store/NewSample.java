package io.maskocr.engine.store;

/**
 * A sample to insert; its image must already be stored with {@link ImageStore#put}.
 *
 * @param sha256 hex SHA-256 of the image bytes
 * @param format file extension of the stored image
 * @param width pixels
 * @param height pixels
 * @param originalName relative path in the import source
 * @param split split to assign
 * @param label initial label, or null for an unlabeled sample (recorded as source {@code import})
 */
public record NewSample(
    String sha256, String format, int width, int height, String originalName, Split split, String label) {
  public NewSample {
    if (sha256 == null || format == null || originalName == null) {
      throw new IllegalArgumentException("a sample needs its image hash, format and original name");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
    }
  }
}
