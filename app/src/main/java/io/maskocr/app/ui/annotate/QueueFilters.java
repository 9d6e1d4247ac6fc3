package io.maskocr.app.ui.annotate;

import io.maskocr.engine.store.LabelComparison;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.Split;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The queue filters the user sets: split, confidence range, predicted length, label state and
 * "model disagrees with the label". UI state only; {@link #toFilter} makes the store query.
 */
public final class QueueFilters {
  /** Longest length a user can ask for; above it means "no limit". */
  public static final int MAX_LENGTH = 64;

  private final ObjectProperty<Split> split = new SimpleObjectProperty<>(this, "split");
  private final DoubleProperty minConfidence = new SimpleDoubleProperty(this, "minConfidence", 0);
  private final DoubleProperty maxConfidence = new SimpleDoubleProperty(this, "maxConfidence", 1);
  private final IntegerProperty minLength = new SimpleIntegerProperty(this, "minLength", 0);
  private final IntegerProperty maxLength = new SimpleIntegerProperty(this, "maxLength", MAX_LENGTH);
  private final ObjectProperty<LabelState> labelState =
      new SimpleObjectProperty<>(this, "labelState", LabelState.UNREVIEWED);
  private final BooleanProperty disagreesOnly = new SimpleBooleanProperty(this, "disagreesOnly");
  private final BooleanProperty review = new SimpleBooleanProperty(this, "review");

  /** Every property, for a listener that reloads the queue on any change. */
  public Observable[] all() {
    return new Observable[] {split, minConfidence, maxConfidence, minLength, maxLength, labelState, disagreesOnly, review};
  }

  /**
   * The store filter, or an error message when the ranges are empty.
   *
   * @param comparison how "disagrees" compares label and prediction: under the checkpoint's charset
   * @param annotator whose review queue "check teammates' labels" shows (the label state is then
   *     any: every such item has a person's label)
   */
  QueueFilter toFilter(long datasetId, String checkpoint, LabelComparison comparison, String annotator) {
    double lo = Math.min(minConfidence.get(), maxConfidence.get());
    double hi = Math.max(minConfidence.get(), maxConfidence.get());
    int minLen = Math.max(0, Math.min(minLength.get(), maxLength.get()));
    int maxLen = maxLength.get() >= MAX_LENGTH ? Integer.MAX_VALUE : Math.max(minLength.get(), maxLength.get());
    return QueueFilter.all(datasetId, checkpoint)
        .withSplit(split.get())
        .withConfidence(Math.max(0, lo), Math.min(1, hi))
        .withLength(minLen, maxLen)
        .withLabelState(review.get() ? LabelState.ANY : labelState.get())
        .withDisagreesOnly(disagreesOnly.get(), comparison)
        .withReviewer(review.get() ? annotator : null);
  }

  public ObjectProperty<Split> splitProperty() {
    return split;
  }

  public DoubleProperty minConfidenceProperty() {
    return minConfidence;
  }

  public DoubleProperty maxConfidenceProperty() {
    return maxConfidence;
  }

  public IntegerProperty minLengthProperty() {
    return minLength;
  }

  public IntegerProperty maxLengthProperty() {
    return maxLength;
  }

  public ObjectProperty<LabelState> labelStateProperty() {
    return labelState;
  }

  public BooleanProperty disagreesOnlyProperty() {
    return disagreesOnly;
  }

  /** The review queue: items a teammate labelled that nobody has checked yet. */
  public BooleanProperty reviewProperty() {
    return review;
  }
}
