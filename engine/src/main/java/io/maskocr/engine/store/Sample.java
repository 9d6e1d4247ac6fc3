package io.maskocr.engine.store;

/**
 * One image of a dataset with its current label.
 *
 * @param id database id
 * @param datasetId owning dataset
 * @param sha256 lower-case hex SHA-256 of the stored image bytes (the file under {@code images/})
 * @param format image file extension as stored ({@code png}, {@code jpg}, ...)
 * @param width image width in pixels
 * @param height image height in pixels
 * @param originalName path of the image relative to the import root (or LMDB key)
 * @param split train, val or test
 * @param label current label (latest history entry), or null when never labeled
 */
public record Sample(
    long id,
    long datasetId,
    String sha256,
    String format,
    int width,
    int height,
    String originalName,
    Split split,
    String label) {}
