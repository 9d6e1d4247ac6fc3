package io.maskocr.engine.learn;

import java.util.List;

/**
 * The recognizer's readings of a labelled set with their confidences, and what a confidence
 * threshold would send to annotators.
 *
 * @param items one reading per image
 */
public record ConfidenceSurvey(List<Item> items) {
  /**
   * @param label the true text
   * @param reading what the model read
   * @param confidence sequence confidence (product of character and end probabilities)
   */
  public record Item(String label, String reading, double confidence) {
    public boolean correct() {
      return label.equals(reading);
    }
  }

  /**
   * What a threshold does: readings below it go to an annotator, the rest are accepted.
   *
   * @param toAnnotators readings below the threshold
   * @param errorsCaught wrong readings among them
   * @param accepted readings at or above the threshold
   * @param errorsAccepted wrong readings among the accepted (they slip through)
   */
  public record Split(int toAnnotators, int errorsCaught, int accepted, int errorsAccepted) {
    public int errors() {
      return errorsCaught + errorsAccepted;
    }
  }

  public ConfidenceSurvey {
    items = List.copyOf(items);
  }

  /** Splits the readings at {@code threshold}. */
  public Split split(double threshold) {
    int low = 0;
    int lowWrong = 0;
    int high = 0;
    int highWrong = 0;
    for (Item i : items) {
      if (i.confidence() < threshold) {
        low++;
        lowWrong += i.correct() ? 0 : 1;
      } else {
        high++;
        highWrong += i.correct() ? 0 : 1;
      }
    }
    return new Split(low, lowWrong, high, highWrong);
  }

  /** Share of readings that are right. */
  public double accuracy() {
    return items.isEmpty() ? 0 : items.stream().filter(Item::correct).count() / (double) items.size();
  }

  /** Mean confidence of the right (true) or wrong (false) readings; NaN when there are none. */
  public double meanConfidence(boolean correct) {
    return items.stream().filter(i -> i.correct() == correct).mapToDouble(Item::confidence).average().orElse(Double.NaN);
  }
}
