package io.maskocr.app.ui.annotate;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The keyboard cheat sheet shown over the work view on {@code ?}, F1 or Ctrl+?. */
final class CheatSheet extends VBox {
  static final String[][] KEYS = {
    {"Enter", "save the text as the label (committed) and go to the next item"},
    {"typing", "edit the text; the caret picks the character for the attention overlay"},
    {"Esc", "skip: leave the item unchanged, go to the next"},
    {"Alt+← / Alt+→", "previous / next item"},
    {"Ctrl+Z", "undo the last change (also on an earlier item: goes back to it)"},
    {"Ctrl+Shift+Z", "redo"},
    {"Ctrl+L", "mark the image illegible and go on"},
    {"Ctrl+M", "labelled item: put the model's reading (shown beside the label) in the field; again: the label"},
    {"Ctrl+R", "read the image again with the newest checkpoint"},
    {"Ctrl+T", "attention overlay on/off for the selected character"},
    {"? / F1 / Ctrl+?", "this sheet; in the text field ? is typed, so use F1 or Ctrl+? there; Esc closes"},
  };

  CheatSheet() {
    setId("annotate-cheatsheet");
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(6);
    for (int i = 0; i < KEYS.length; i++) {
      Label key = new Label(KEYS[i][0]);
      key.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
      grid.add(key, 0, i);
      grid.add(new Label(KEYS[i][1]), 1, i);
    }
    Label title = new Label("Keyboard");
    title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
    getChildren().setAll(title, grid);
    setSpacing(10);
    setPadding(new Insets(18));
    setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    setAlignment(Pos.TOP_LEFT);
    setStyle("-fx-background-color: rgba(250,250,250,0.97); -fx-border-color: #888; -fx-border-radius: 6;"
        + " -fx-background-radius: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 12, 0, 0, 2);");
    setVisible(false);
  }
}
