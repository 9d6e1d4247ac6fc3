package io.maskocr.viewers.attention;

import io.maskocr.engine.inspect.CharacterReading;
import io.maskocr.viewers.charts.HeatColors;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;

/** The predicted text as one chip per character, coloured by the character's probability. */
final class CharacterChips extends FlowPane {
  private final ToggleGroup group = new ToggleGroup();

  CharacterChips() {
    super(4, 4);
    getStyleClass().add("character-chips");
  }

  /** Shows {@code chars}; clicking chip i calls {@code onSelect.accept(i)}. */
  void show(List<CharacterReading> chars, IntConsumer onSelect) {
    getChildren().clear();
    group.getToggles().clear();
    for (int i = 0; i < chars.size(); i++) {
      CharacterReading c = chars.get(i);
      ToggleButton chip = new ToggleButton(c.symbol().equals(" ") ? "␣" : c.symbol());
      chip.getStyleClass().add("char-chip");
      chip.setUserData(c.symbol());
      chip.setToggleGroup(group);
      chip.setFocusTraversable(false);
      chip.setTooltip(new Tooltip(String.format("%s: probability %.3f", c.symbol(), c.probability())));
      chip.setStyle("-fx-font-size: 18px; -fx-font-family: monospace; -fx-min-width: 34px; -fx-background-color: "
          + web(HeatColors.confidence(c.probability())) + "; -fx-text-fill: #111;");
      int index = i;
      chip.setOnAction(e -> onSelect.accept(index));
      getChildren().add(chip);
    }
  }

  /** Marks chip {@code i} as selected (and bolds its border). */
  void select(int i) {
    for (int k = 0; k < getChildren().size(); k++) {
      ToggleButton b = (ToggleButton) getChildren().get(k);
      b.setSelected(k == i);
      String base = b.getStyle().replaceAll("-fx-border-color:[^;]*;-fx-border-width:[^;]*;", "");
      b.setStyle(base + (k == i ? "-fx-border-color: #1f3a93;-fx-border-width: 3;" : ""));
    }
  }

  private static String web(Color c) {
    return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
        (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
  }
}
