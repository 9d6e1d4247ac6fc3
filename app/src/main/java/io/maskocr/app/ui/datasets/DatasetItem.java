package io.maskocr.app.ui.datasets;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.DatasetStats;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A dataset as the list shows it: the record plus its counts.
 *
 * @param dataset the dataset
 * @param stats its sample, label and split counts
 */
public record DatasetItem(Dataset dataset, DatasetStats stats) {
  private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

  public long id() {
    return dataset.id();
  }

  public String name() {
    return dataset.name();
  }

  /** e.g. {@code 1,234 samples · 1,200 labeled}. */
  public String countsLine() {
    return format(stats.samples()) + " samples · " + format(stats.labeled()) + " labeled";
  }

  /** e.g. {@code train 1,000 · val 100 · test 134}. */
  public String splitsLine() {
    return "train " + format(stats.train()) + " · val " + format(stats.val())
        + " · test " + format(stats.test());
  }

  static String format(long n) {
    synchronized (COUNT) {
      return COUNT.format(n);
    }
  }
}
