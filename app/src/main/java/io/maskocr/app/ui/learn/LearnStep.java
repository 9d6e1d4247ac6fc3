package io.maskocr.app.ui.learn;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * One step of the walk-through: its words ({@link StepInfo}), a live view, and a line of real
 * numbers ({@link #factsProperty()}) computed from the model and the picture. The view shows a
 * step only while it is on screen; {@link #show} is called with the newest input then.
 */
public abstract class LearnStep implements AutoCloseable {
  private final StepInfo info;
  private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts", "");
  private StepInput shown;

  protected LearnStep(StepInfo info) {
    this.info = info;
  }

  public StepInfo info() {
    return info;
  }

  /** The interactive view (built once). */
  public abstract Node view();

  /** Shows {@code in} unless it is what is already shown. */
  public final void show(StepInput in) {
    if (in != null && in != shown) {
      shown = in;
      update(in);
    }
  }

  /** The input on display, or null. */
  protected StepInput shown() {
    return shown;
  }

  /** Rebuilds the view for a new picture or model; on the UI thread, must not block. */
  protected abstract void update(StepInput in);

  /** The "in numbers" line. */
  public ReadOnlyStringProperty factsProperty() {
    return facts.getReadOnlyProperty();
  }

  protected void setFacts(String text) {
    facts.set(text);
  }

  /** Stops background workers. */
  @Override
  public void close() {}

  /** A row of controls, vertically centred, 10 px apart (the bar above each step's view). */
  protected static HBox controlRow(Node... controls) {
    HBox row = new HBox(10, controls);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /** Styles {@code label} as a wrapped explanatory note and returns it. */
  static Label note(Label label) {
    label.setWrapText(true);
    label.getStyleClass().add("learn-note");
    return label;
  }
}
