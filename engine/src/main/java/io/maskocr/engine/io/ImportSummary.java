package io.maskocr.engine.io;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The result of an import.
 *
 * @param dataset dataset name
 * @param format the layout that was read
 * @param imported new samples stored
 * @param duplicates items whose image the dataset already held (stored once)
 * @param skippedByReason counts of skipped items per reason (only reasons that occurred)
 * @param skippedExamples the first skipped items with details (at most {@link #MAX_EXAMPLES})
 * @param cancelled true when the import was cancelled; committed batches stay
 * @param elapsed wall time of the import
 */
public record ImportSummary(
    String dataset,
    ImportFormat format,
    long imported,
    long duplicates,
    Map<SkipReason, Long> skippedByReason,
    List<Skipped> skippedExamples,
    boolean cancelled,
    Duration elapsed) {
  /** How many skipped items are kept with their details. */
  public static final int MAX_EXAMPLES = 50;

  /** Total skipped items. */
  public long skipped() {
    return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line such as {@code imported 980, duplicates 12, skipped 8 (corrupt image 5, ...)}. */
  public String oneLine() {
    StringBuilder b =
        new StringBuilder("imported ").append(imported).append(", duplicates ").append(duplicates)
            .append(", skipped ").append(skipped());
    if (!skippedByReason.isEmpty()) {
      b.append(" (");
      String sep = "";
      for (Map.Entry<SkipReason, Long> e : skippedByReason.entrySet()) {
        b.append(sep).append(e.getKey().text()).append(' ').append(e.getValue());
        sep = ", ";
      }
      b.append(')');
    }
    if (cancelled) {
      b.append(", cancelled");
    }
    return b.toString();
  }
}
