package io.maskocr.app.ui.learn;

import java.util.List;
import javafx.scene.control.Slider;
import javafx.util.StringConverter;

/** A slider that snaps to a short list of allowed values (e.g. patch sizes that divide the image). */
final class ChoiceSlider extends Slider {
  private List<Integer> choices = List.of(1);

  ChoiceSlider() {
    setSnapToTicks(true);
    setMajorTickUnit(1);
    setMinorTickCount(0);
    setShowTickMarks(true);
    setShowTickLabels(true);
    setBlockIncrement(1);
    setLabelFormatter(new StringConverter<>() {
      @Override
      public String toString(Double d) {
        int i = (int) Math.round(d);
        return i >= 0 && i < choices.size() ? Integer.toString(choices.get(i)) : "";
      }

      @Override
      public Double fromString(String s) {
        return (double) Math.max(0, choices.indexOf(Integer.parseInt(s.trim())));
      }
    });
  }

  /** Sets the allowed values and selects {@code selected} (or the nearest allowed value). */
  void setChoices(List<Integer> values, int selected) {
    choices = List.copyOf(values);
    setMin(0);
    setMax(Math.max(0, values.size() - 1));
    int best = 0;
    for (int i = 0; i < values.size(); i++) {
      if (Math.abs(values.get(i) - selected) < Math.abs(values.get(best) - selected)) {
        best = i;
      }
    }
    setValue(best);
  }

  /** The selected allowed value. */
  int chosen() {
    int i = (int) Math.round(getValue());
    return choices.get(Math.max(0, Math.min(choices.size() - 1, i)));
  }
}
