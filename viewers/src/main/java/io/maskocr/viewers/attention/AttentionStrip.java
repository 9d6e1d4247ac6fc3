package io.maskocr.viewers.attention;

import io.maskocr.viewers.charts.Rasters;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A compact attention snapshot (e.g. from the training thread): the image, what it says and
 * what was read, and one small attention overlay per read character.
 */
public final class AttentionStrip extends VBox {
  private final Label text = new Label("no attention snapshot yet");
  private final FlowPane maps = new FlowPane(6, 6);

  /** An empty strip. */
  public AttentionStrip() {
    super(4);
    getStyleClass().add("attention-strip");
    setAlignment(Pos.TOP_LEFT);
    getChildren().addAll(text, maps);
  }

  /**
   * Shows one snapshot.
   *
   * @param image {@code (C, H, W)} pixels in [-1, 1]
   * @param truth ground truth (may be null)
   * @param predicted what the model read
   * @param attention per read character (extra rows, e.g. the end token, are ignored) a row
   *     over the {@code gridHeight x gridWidth} patches
   */
  public void show(float[] image, int channels, int height, int width, int gridHeight, int gridWidth,
      String truth, String predicted, float[][] attention, String caption) {
    text.setText(caption + ": read “" + predicted + "”" + (truth == null ? "" : " (truth “" + truth + "”)"));
    maps.getChildren().clear();
    int[] cps = predicted.codePoints().toArray();
    for (int i = 0; i < Math.min(cps.length, attention.length); i++) {
      ImageView v = new ImageView(Rasters.overlay(image, channels, height, width, attention[i], gridHeight,
          gridWidth, 2));
      v.setSmooth(false);
      maps.getChildren().add(new VBox(1, v, new Label(new String(Character.toChars(cps[i])))));
    }
  }

  /** Number of per-character maps shown. */
  public int mapCount() {
    return maps.getChildren().size();
  }
}
