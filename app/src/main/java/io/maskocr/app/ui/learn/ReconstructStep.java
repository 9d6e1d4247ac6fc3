package io.maskocr.app.ui.learn;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.inspect.ReconstructionService;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.recon.ReconstructionViewer;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Step 3: the trained encoder and MIM decoder fill in the hidden patches (reconstruction viewer). */
final class ReconstructStep extends LearnStep {
  private final StackPane root = new StackPane(new NeedsModel());
  private final ReadOnlyIntegerWrapper updates = new ReadOnlyIntegerWrapper(this, "updates");
  private ReconstructionViewer viewer;

  ReconstructStep(StepInfo info) {
    super(info);
  }

  @Override
  public Node view() {
    return root;
  }

  @Override
  protected void update(StepInput in) {
    close();
    if (!in.hasModel()) {
      root.getChildren().setAll(new NeedsModel());
      setFacts("");
      return;
    }
    ReconstructionService service = in.session().reconstruction();
    Sample s = in.sample();
    viewer = new ReconstructionViewer(new ReconstructionViewer.Source() {
      @Override
      public Reconstruction reconstruct(double ratio, MaskStrategy strategy, long seed) {
        return service.reconstruct(s.pixels(), s.charSpans(), ratio, strategy, seed);
      }

      @Override
      public List<Reconstruction> sweep(MaskStrategy strategy, long seed) {
        return service.sweep(s.pixels(), s.charSpans(), strategy, seed);
      }
    }, in.image().name() + ", model " + in.session().checkpointId());
    viewer.setId("learn-recon");
    viewer.setMinHeight(520);
    viewer.ratioSlider().setValue(0.5);
    ReconstructionViewer v = viewer;
    viewer.updatesProperty().addListener((o, a, b) -> {
      setFacts(LearnFacts.reconstruction(in.config(), v.strip().shown()));
      updates.set(updates.get() + 1);
    });
    Label warn = new Label(in.session().hasTrainedMimDecoder() ? ""
        : "This model's recipe had no MIM stage, so its MIM decoder is untrained: expect noise.");
    warn.getStyleClass().add("learn-note");
    VBox box = new VBox(6, viewer);
    if (!warn.getText().isEmpty()) {
      box.getChildren().add(0, warn);
    }
    root.getChildren().setAll(box);
  }

  /** Counts reconstructions shown (tests wait on it). */
  ReadOnlyIntegerProperty updatesProperty() {
    return updates.getReadOnlyProperty();
  }

  @Override
  public void close() {
    if (viewer != null) {
      viewer.close();
      viewer = null;
    }
  }
}
