package io.maskocr.viewers.learn;

import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * Position by position: the true character, whether it was hidden, and the decoder's three best
 * guesses with their probabilities. Hidden positions are tinted; right guesses green.
 */
public final class ReadingTable extends GridPane {
  /** One column of the table. */
  public record Column(String truth, boolean hidden, List<String> guesses, List<Float> probabilities) {}

  public ReadingTable() {
    setHgap(4);
    setVgap(2);
    getStyleClass().add("reading-table");
  }

  /** Replaces the table. */
  public void show(List<Column> columns) {
    getChildren().clear();
    getColumnConstraints().clear();
    String[] heads = {"position", "true", "", "guess 1", "guess 2", "guess 3"};
    for (int r = 0; r < heads.length; r++) {
      Label l = new Label(heads[r]);
      l.getStyleClass().add("reading-head");
      add(l, 0, r);
    }
    getColumnConstraints().add(new ColumnConstraints(64));
    for (int c = 0; c < columns.size(); c++) {
      Column col = columns.get(c);
      String style = col.hidden() ? "-fx-background-color: #ffe3b3;" : "";
      cell(Integer.toString(c + 1), c + 1, 0, style);
      cell(col.truth().isEmpty() ? "end" : col.truth(), c + 1, 1, style + "-fx-font-weight: bold;");
      cell(col.hidden() ? "hidden" : "", c + 1, 2, style + "-fx-font-size: 10px;");
      for (int g = 0; g < 3 && g < col.guesses().size(); g++) {
        String sym = col.guesses().get(g);
        boolean right = sym.equals(col.truth()) || (sym.isEmpty() && col.truth().isEmpty());
        float pr = col.probabilities().get(g);
        cell((sym.isEmpty() ? "end" : sym) + (Float.isNaN(pr) ? "" : String.format(" %.2f", pr)), c + 1, 3 + g,
            style + (right ? "-fx-text-fill: #1a7f37;" : ""));
      }
      ColumnConstraints cc = new ColumnConstraints(78);
      cc.setHalignment(HPos.CENTER);
      getColumnConstraints().add(cc);
    }
  }

  private void cell(String text, int col, int row, String style) {
    Label l = new Label(text);
    l.setStyle(style + " -fx-padding: 1 3 1 3;");
    l.setMaxWidth(Double.MAX_VALUE);
    add(l, col, row);
  }
}
