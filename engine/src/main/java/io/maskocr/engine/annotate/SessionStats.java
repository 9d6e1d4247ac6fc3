package io.maskocr.engine.annotate;

/**
 * Figures of one annotation session.
 *
 * @param accepted items saved with the prediction unchanged
 * @param corrected items whose prediction the annotator changed
 * @param illegible items marked illegible
 * @param minutes time since the session's first save
 */
public record SessionStats(long accepted, long corrected, long illegible, double minutes) {
  /** Items reviewed (saved in any way). */
  public long reviewed() {
    return accepted + corrected + illegible;
  }

  /** Reviewed items per minute; 0 before the first save. */
  public double labelsPerMinute() {
    return minutes <= 0 ? 0 : reviewed() / Math.max(minutes, 1.0 / 60);
  }
}
