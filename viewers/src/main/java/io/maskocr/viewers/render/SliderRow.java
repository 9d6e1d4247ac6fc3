package io.maskocr.viewers.render;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A labelled slider that shows its value and reports user changes (not programmatic ones). */
final class SliderRow extends HBox {
  private static final double NAME_WIDTH = 92;
  private static final double VALUE_WIDTH = 112;
  private final Slider slider;
  private final Label value = new Label();
  private final String unit;
  private boolean silent;

  SliderRow(String id, String name, double min, double max, double initial, String unit, DoubleConsumer onChange) {
    super(6);
    this.unit = unit;
    setAlignment(Pos.CENTER_LEFT);
    Label label = new Label(name);
    // Wide enough for "contrast min" and "handwriting"; the slider, not the words, gives way.
    label.setMinWidth(NAME_WIDTH);
    label.setPrefWidth(NAME_WIDTH);
    label.setTooltip(new Tooltip(name));
    slider = new Slider(min, max, initial);
    slider.setId(id);
    HBox.setHgrow(slider, Priority.ALWAYS);
    // One value column for every row, so the sliders line up: "0.40 saturation" is the widest.
    value.setMinWidth(VALUE_WIDTH);
    slider.setMinWidth(60);
    value.getStyleClass().add("render-slider-value");
    show(initial);
    slider.valueProperty().addListener((o, a, b) -> {
      show(b.doubleValue());
      if (!silent) {
        onChange.accept(b.doubleValue());
      }
    });
    getChildren().addAll(label, slider, value);
  }

  /** Moves the slider without reporting a change (used when the config changes elsewhere). */
  void setSilently(double v) {
    silent = true;
    try {
      slider.setValue(v);
      show(v);
    } finally {
      silent = false;
    }
  }

  Slider slider() {
    return slider;
  }

  private void show(double v) {
    String text = Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    value.setText(text + (unit.isEmpty() ? "" : " " + unit));
  }
}
