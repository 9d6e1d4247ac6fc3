package io.maskocr.viewers.recon;

import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.viewers.charts.Rasters;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One row per mask ratio for the same image and seed, so the effect of the ratio is seen at a
 * glance. Error heat maps share one scale across rows.
 */
public final class RatioSweep extends VBox {
  /** Creates an empty sweep. */
  public RatioSweep() {
    super(6);
    setPadding(new Insets(8));
    getStyleClass().add("ratio-sweep");
  }

  /** Replaces the rows with {@code rows} (one per ratio). */
  public void show(List<Reconstruction> rows, int scale) {
    float max = 1e-12f;
    for (Reconstruction r : rows) {
      max = Math.max(max, Rasters.max(r.patchError()));
    }
    getChildren().clear();
    for (Reconstruction r : rows) {
      Label ratio = new Label(String.format("ratio %.1f", r.ratio()));
      ratio.setMinWidth(70);
      Label loss = new Label(String.format("loss %.4f", r.loss()));
      loss.setMinWidth(90);
      ReconstructionStrip strip = new ReconstructionStrip(false);
      strip.show(r, scale, max);
      HBox row = new HBox(10, ratio, strip, loss);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("sweep-row");
      getChildren().add(row);
    }
  }

  /** Number of rows shown. */
  public int rowCount() {
    return getChildren().size();
  }
}
