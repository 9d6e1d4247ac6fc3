package io.maskocr.viewers.pretrain;

import io.maskocr.engine.pretrain.OdmProbe;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The ODM view: styled input | predicted clean image | target, with the text and the prompt
 * the pixel head was given ({@code _} = a character the text controller dropped or replaced,
 * which the target leaves out). Call {@link #show} on the FX thread with a value from a
 * {@code ProbeSink}.
 */
public final class OdmView extends VBox {
  private final Label caption = new Label("ODM: no snapshot yet");
  private final ImageView input = new ImageView();
  private final ImageView predicted = new ImageView();
  private final ImageView target = new ImageView();
  private final int scale;

  /** @param scale integer zoom of the 32-pixel-high images */
  public OdmView(int scale) {
    super(6);
    this.scale = Math.max(1, scale);
    setPadding(new Insets(8));
    HBox row = new HBox(12, column("input", input), column("predicted clean", predicted), column("target", target));
    getChildren().addAll(caption, row);
    getStyleClass().add("odm-view");
  }

  private static VBox column(String name, ImageView view) {
    return new VBox(2, new Label(name), view);
  }

  /** Shows one probe. */
  public void show(OdmProbe.Result r) {
    caption.setText("text '" + r.label() + "'  prompt '" + r.prompt() + "'  ink IoU " + MilmChip.percent(r.inkIou()));
    input.setImage(ProbeImages.pixels(r.input(), r.channels(), r.height(), r.width(), null, 1, scale));
    predicted.setImage(ProbeImages.ink(r.predictedInk(), r.height(), r.width(), scale));
    target.setImage(ProbeImages.ink(r.targetInk(), r.height(), r.width(), scale));
  }
}
