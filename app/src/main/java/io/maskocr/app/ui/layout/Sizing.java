package io.maskocr.app.ui.layout;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The two width rules of toolbars and status lines, so that a narrow window never shows "Pa...":
 * buttons and short captions keep their preferred width, and only a label of variable text (a
 * status, a path) may shrink, with its full text in a tooltip. DefaultSizeLayoutUiTest checks
 * both at 1200x760, 1280x800 and 1920x1080.
 */
public final class Sizing {
  private Sizing() {}

  /** These never get narrower than their text (the row around them must leave them room). */
  public static void keepWidth(Region... nodes) {
    for (Region n : nodes) {
      n.setMinWidth(Region.USE_PREF_SIZE);
    }
  }

  /**
   * Widens a table column so its header shows the whole title: the theme's bold 14 px header
   * text, its 0.5 em padding and room for the sort arrow. Columns stay resizable by the user;
   * a table wider than its view scrolls.
   */
  public static void fitHeader(TableColumn<?, ?> column) {
    Text t = new Text(column.getText());
    t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14));
    double needed = Math.ceil(t.getLayoutBounds().getWidth()) + 36;
    column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
  }

  /**
   * This label gives up width first: it may end in an ellipsis, and its tooltip always holds the
   * full text.
   */
  public static <T extends Labeled> T shrinkable(T label) {
    label.setMinWidth(0);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(label.textProperty());
    // No tooltip while there is no text (an empty one would still pop up).
    label.tooltipProperty().bind(Bindings.createObjectBinding(
        () -> label.getText() == null || label.getText().isEmpty() ? null : tip, label.textProperty()));
    return label;
  }
}
