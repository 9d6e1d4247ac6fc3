package io.maskocr.engine.io;

/**
 * Progress of a running import, reported after every committed batch.
 *
 * @param processed items looked at so far
 * @param total items in the source, or -1 while unknown
 * @param imported new samples committed
 * @param duplicates items whose image the dataset already had
 * @param skipped items skipped for a {@link SkipReason}
 */
public record ImportProgress(long processed, long total, long imported, long duplicates, long skipped) {
  /** Fraction done 0..1, or -1 when the total is unknown. */
  public double fraction() {
    return total <= 0 ? -1 : Math.min(1.0, processed / (double) total);
  }
}
