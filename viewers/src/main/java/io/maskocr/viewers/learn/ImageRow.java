package io.maskocr.viewers.learn;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Images side by side, each with a caption underneath; wraps when the window is narrow. */
public final class ImageRow extends FlowPane {
  public ImageRow() {
    super(14, 10);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("image-row");
  }

  /** Replaces the row: {@code images} and {@code captions} pair up by index. */
  public void show(Image[] images, String[] captions) {
    getChildren().clear();
    for (int i = 0; i < images.length; i++) {
      ImageView v = new ImageView(images[i]);
      v.setSmooth(false);
      add(v, captions[i]);
    }
  }

  /** Adds one captioned node. */
  public void add(Node node, String caption) {
    Label l = new Label(caption);
    l.getStyleClass().add("learn-caption");
    l.setWrapText(true);
    l.setMaxWidth(Math.max(160, node.prefWidth(-1)));
    getChildren().add(new VBox(3, node, l));
  }
}
