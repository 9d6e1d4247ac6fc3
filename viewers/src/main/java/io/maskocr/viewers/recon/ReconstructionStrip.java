package io.maskocr.viewers.recon;

import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.viewers.charts.Rasters;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One reconstruction side by side: original | masked input | reconstruction | per-patch error
 * heat map, each with a caption. Used by the viewer, each sweep row and the live dashboard.
 */
public final class ReconstructionStrip extends HBox {
  private final ImageView original = new ImageView();
  private final ImageView masked = new ImageView();
  private final ImageView recon = new ImageView();
  private final ImageView error = new ImageView();
  private final Label maskedCaption = new Label("masked input");
  private final Label errorCaption = new Label("per-patch error");
  private final boolean captions;
  private Reconstruction shown;

  /** @param captions show a caption under each image */
  public ReconstructionStrip(boolean captions) {
    super(8);
    this.captions = captions;
    getStyleClass().add("reconstruction-strip");
    setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(cell(original, new Label("original")), cell(masked, maskedCaption),
        cell(recon, new Label("reconstruction")), cell(error, errorCaption));
  }

  private VBox cell(ImageView view, Label caption) {
    VBox box = new VBox(2, view);
    view.setSmooth(false);
    if (captions) {
      caption.getStyleClass().add("strip-caption");
      box.getChildren().add(caption);
    }
    return box;
  }

  /**
   * Shows {@code r}.
   *
   * @param scale integer zoom of every image
   * @param errorMax error value drawn brightest (share one value across sweep rows so they compare)
   */
  public void show(Reconstruction r, int scale, float errorMax) {
    shown = r;
    original.setImage(Rasters.pixels(r.original(), r.channels(), r.height(), r.width(), scale));
    masked.setImage(Rasters.masked(r.original(), r.channels(), r.height(), r.width(), r.patchHeight(),
        r.patchWidth(), r.masked(), scale));
    recon.setImage(Rasters.pixels(r.reconstruction(), r.channels(), r.height(), r.width(), scale));
    error.setImage(Rasters.heat(r.patchError(), r.gridHeight(), r.gridWidth(), r.height(), r.width(),
        errorMax, scale));
    maskedCaption.setText("masked input (" + r.maskedCount() + "/" + r.masked().length + " hidden)");
    errorCaption.setText(String.format("per-patch error (max %.3f)", Rasters.max(r.patchError())));
  }

  /** The reconstruction on display, or null. */
  public Reconstruction shown() {
    return shown;
  }

  /** The error heat map view (tests compare its pixels). */
  public ImageView errorView() {
    return error;
  }

  /** The reconstruction view. */
  public ImageView reconstructionView() {
    return recon;
  }
}
