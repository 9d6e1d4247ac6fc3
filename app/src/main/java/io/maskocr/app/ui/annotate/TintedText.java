package io.maskocr.app.ui.annotate;

import io.maskocr.viewers.charts.HeatColors;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/**
 * The text being edited, one cell per character tinted by the model's confidence in it (red
 * low, green high). Characters the annotator changed are shown in blue: the model's
 * confidence no longer applies to them. The selected character (caret) is outlined.
 */
final class TintedText extends HBox {
  TintedText() {
    super(2);
    getStyleClass().add("annotate-tinted");
  }

  /**
   * @param text current text
   * @param predicted the model's text
   * @param probs the model's probability per predicted character
   * @param selected character index to outline, or -1
   */
  void show(String text, String predicted, float[] probs, int selected) {
    List<Node> cells = new ArrayList<>();
    int[] t = text.codePoints().toArray();
    int[] p = predicted.codePoints().toArray();
    for (int i = 0; i < t.length; i++) {
      boolean same = i < p.length && t[i] == p[i] && i < probs.length;
      Label cell = new Label(new String(Character.toChars(t[i])));
      String bg = same ? web(HeatColors.confidence(probs[i])) : "#9ec5fe";
      cell.setStyle("-fx-font-family: monospace; -fx-font-size: 22px; -fx-padding: 2 5 2 5; -fx-background-radius: 3;"
          + " -fx-text-fill: #111; -fx-background-color: " + bg + ";"
          + (i == selected ? " -fx-border-color: #1f3a93; -fx-border-width: 2; -fx-border-radius: 3;" : ""));
      cell.setUserData(same ? probs[i] : Float.NaN);
      cells.add(cell);
    }
    getChildren().setAll(cells);
  }

  private static String web(Color c) {
    return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255));
  }
}
