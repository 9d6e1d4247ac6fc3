package io.maskocr.app.ui.learn;

import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.MaskGenerator;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.learn.ImageRow;
import io.maskocr.viewers.learn.PatchCanvas;
import java.util.SplittableRandom;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 2: a share of the patches is hidden (ratio slider, strategy, seed); the encoder only
 * gets the visible ones. Masks come from the training code's own {@link MaskGenerator}.
 */
final class MaskStep extends LearnStep {
  private final Slider ratio = new Slider(0, 0.95, 0.7);
  private final Label ratioValue = new Label();
  private final ComboBox<MaskStrategy> strategy = new ComboBox<>();
  private final Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 1);
  private final PatchCanvas masked = new PatchCanvas(5);
  private final PatchCanvas visible = new PatchCanvas(3);
  private final ImageRow row = new ImageRow();
  private final Label note = new Label();
  private final VBox root;

  MaskStep(StepInfo info) {
    super(info);
    ratio.setId("learn-mask-ratio");
    ratio.setPrefWidth(260);
    ratio.setMajorTickUnit(0.1);
    ratio.setShowTickMarks(true);
    ratio.setBlockIncrement(0.05);
    strategy.setId("learn-mask-strategy");
    strategy.getItems().setAll(MaskStrategy.values());
    strategy.setValue(MaskStrategy.RANDOM);
    seed.setEditable(true);
    seed.setPrefWidth(90);
    HBox controls = controlRow(new Label("Mask ratio"), ratio, ratioValue, new Label("Strategy"), strategy,
        new Label("Seed"), seed);
    note(note);
    row.add(masked, "hidden patches in grey");
    row.add(visible, "what the encoder receives: only the visible patches, in order");
    root = new VBox(10, controls, row, note);
    ratio.valueProperty().addListener((o, a, b) -> redraw());
    strategy.valueProperty().addListener((o, a, b) -> redraw());
    seed.valueProperty().addListener((o, a, b) -> redraw());
  }

  @Override
  public Node view() {
    return root;
  }

  @Override
  protected void update(StepInput in) {
    redraw();
  }

  private void redraw() {
    StepInput in = shown();
    if (in == null) {
      return;
    }
    ModelConfig c = in.config();
    double r = Math.round(ratio.getValue() * 100) / 100.0;
    ratioValue.setText(String.format("%.2f", r));
    // Masks are a few dozen booleans: cheap enough for the UI thread.
    MaskGenerator gen = new MaskGenerator(strategy.getValue(), r, c);
    boolean[] hidden = gen.next(new SplittableRandom(seed.getValue()), in.sample().charSpans());
    masked.show(in.sample().pixels(), c.channels(), c.imageHeight(), c.imageWidth(), c.patchHeight(), c.patchWidth(),
        hidden, null);
    visible.showVisibleSequence(in.sample().pixels(), c.channels(), c.imageHeight(), c.imageWidth(), c.patchHeight(),
        c.patchWidth(), hidden);
    setFacts(LearnFacts.masking(c, r, gen.maskedCount()));
    note.setText(strategy.getValue() == MaskStrategy.CHARACTER && in.sample().charSpans() == null
        ? "This picture has no character boxes, so the character strategy falls back to random patches."
        : switch (strategy.getValue()) {
          case RANDOM -> "Random: any patch may be hidden. Neighbours often give the answer away.";
          case BLOCK -> "Block: runs of neighbouring strips are hidden, which is harder to guess.";
          case CHARACTER -> "Character: the strips over whole characters are hidden, so the model must guess "
              + "a letter from the others.";
        });
  }

}
