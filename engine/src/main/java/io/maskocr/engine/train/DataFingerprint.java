package io.maskocr.engine.train;

/**
 * What one data source held when a stage read it, in a form that changes when any of it changes.
 *
 * @param samples distinct samples ({@code -1}: endless synthetic stream, or not known)
 * @param labelled of those, samples with a text label ({@code -1} when not known)
 * @param sha256 hex SHA-256 over the source's (image SHA-256, label) pairs in order; for
 *     synthetic data the renderer config hash; {@value #UNKNOWN} when it could not be taken
 * @param rendererConfigHash SHA-256 of the renderer style config (synthetic data), else null
 */
public record DataFingerprint(long samples, long labelled, String sha256, String rendererConfigHash) {
  /** What a source that cannot be fingerprinted records. */
  public static final String UNKNOWN = "unknown";

  /** A source whose contents were not fingerprinted (e.g. a resolver without the workspace). */
  public static DataFingerprint unknown() {
    return new DataFingerprint(-1, -1, UNKNOWN, null);
  }
}
