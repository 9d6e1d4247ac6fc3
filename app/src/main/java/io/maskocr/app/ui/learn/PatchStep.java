package io.maskocr.app.ui.learn;

import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.viewers.learn.ImageRow;
import io.maskocr.viewers.learn.PatchCanvas;
import io.maskocr.viewers.charts.Rasters;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 1: the picture is resized to the model input and cut into patches; drag the patch size. */
final class PatchStep extends LearnStep {
  private final ChoiceSlider patchHeight = new ChoiceSlider();
  private final ChoiceSlider patchWidth = new ChoiceSlider();
  private final ImageView original = new ImageView();
  private final ImageView resized = new ImageView();
  private final PatchCanvas grid = new PatchCanvas(5);
  private final ImageRow pictures = new ImageRow();
  private final VBox root;

  PatchStep(StepInfo info) {
    super(info);
    patchHeight.setId("learn-patch-height");
    patchWidth.setId("learn-patch-width");
    patchWidth.setPrefWidth(320);
    patchHeight.setPrefWidth(200);
    original.setPreserveRatio(true);
    original.setFitHeight(64);
    resized.setSmooth(false);
    HBox controls = controlRow(new Label("Patch width"), patchWidth, new Label("Patch height"), patchHeight);
    root = new VBox(10, pictures, controls, grid);
    patchHeight.valueProperty().addListener((o, a, b) -> redraw());
    patchWidth.valueProperty().addListener((o, a, b) -> redraw());
  }

  @Override
  public Node view() {
    return root;
  }

  @Override
  protected void update(StepInput in) {
    ModelConfig c = in.config();
    original.setImage(SwingFXUtils.toFXImage(in.image().image(), null));
    resized.setImage(Rasters.pixels(in.sample().pixels(), c.channels(), c.imageHeight(), c.imageWidth(), 2));
    pictures.getChildren().clear();
    pictures.add(original, "your picture, " + in.image().image().getWidth() + "x" + in.image().image().getHeight());
    pictures.add(resized, "resized to the model input, " + c.imageWidth() + "x" + c.imageHeight());
    patchHeight.setChoices(LearnFacts.divisors(c.imageHeight(), 1), c.patchHeight());
    patchWidth.setChoices(LearnFacts.divisors(c.imageWidth(), 1), c.patchWidth());
    redraw();
  }

  private void redraw() {
    StepInput in = shown();
    if (in == null) {
      return;
    }
    ModelConfig c = in.config();
    ModelConfig cut = LearnFacts.withPatch(c, patchHeight.chosen(), patchWidth.chosen());
    grid.show(in.sample().pixels(), c.channels(), c.imageHeight(), c.imageWidth(), cut.patchHeight(),
        cut.patchWidth(), null, null);
    setFacts(LearnFacts.patches(c, cut));
  }
}
