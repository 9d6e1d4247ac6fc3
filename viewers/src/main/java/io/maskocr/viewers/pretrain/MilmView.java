package io.maskocr.viewers.pretrain;

import io.maskocr.engine.pretrain.MilmProbe;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The MILM view: the synthetic word with the strips of the hidden characters erased (tinted),
 * and per character a chip with the truth over the decoder's guess (green when right, red when
 * wrong; hidden characters outlined in orange). It shows MaskOCR's point: with the encoder
 * frozen, the decoder must name the hidden characters from the visible ones.
 * Call {@link #show} on the FX thread with a value from {@link MilmProbe} or a {@code ProbeSink}.
 */
public final class MilmView extends VBox {
  private final Label title = new Label("MILM: no snapshot yet");
  private final ImageView image = new ImageView();
  private final FlowPane chips = new FlowPane(4, 4);
  private final int scale;

  /** @param scale integer zoom of the 32-pixel-high image */
  public MilmView(int scale) {
    super(8);
    this.scale = Math.max(1, scale);
    setPadding(new Insets(8));
    chips.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(title, image, chips);
    getStyleClass().add("milm-view");
  }

  /** Shows one probe. */
  public void show(MilmProbe.Result r) {
    List<MilmChip> cs = MilmChip.of(r);
    double hiddenAcc = MilmChip.hiddenAccuracy(cs);
    title.setText("truth '" + r.truth() + "'  decoder reads '" + r.reading() + "'"
        + (Double.isNaN(hiddenAcc) ? "" : "  hidden characters right: " + MilmChip.percent((float) hiddenAcc)));
    image.setImage(ProbeImages.pixels(r.maskedImage(), r.channels(), r.height(), r.width(), r.hiddenPatches(),
        r.gridWidth(), scale));
    chips.getChildren().clear();
    for (MilmChip c : cs) {
      Label truth = new Label(c.truth());
      truth.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
      Label guess = new Label(c.guess() + " " + MilmChip.percent(c.probability()));
      guess.setStyle("-fx-text-fill: " + (c.correct() ? "#2c8a2c" : "#c62828") + ";");
      VBox chip = new VBox(2, truth, guess);
      chip.setAlignment(Pos.CENTER);
      chip.setPadding(new Insets(3, 6, 3, 6));
      chip.setStyle("-fx-border-radius: 4; -fx-background-radius: 4; -fx-border-width: 2; -fx-border-color: "
          + (c.hidden() ? "#ef8a00" : "#cfcfcf") + "; -fx-background-color: " + (c.hidden() ? "#fff3e0" : "white") + ";");
      Tooltip.install(chip, new Tooltip((c.hidden() ? "hidden; " : "") + "top 3: " + c.alternatives()));
      chips.getChildren().add(chip);
    }
  }
}
