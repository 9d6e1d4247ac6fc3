package io.maskocr.app.ui.learn;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.inspect.ReconstructionService;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.recon.ReconstructionViewer;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Step 3: the trained encoder and MIM decoder fill in the hidden patches (reconstruction viewer). */
final class ReconstructStep extends ModelStep {
  private final StackPane holder = new StackPane();
  private ReconstructionViewer viewer;

  ReconstructStep(StepInfo info) {
    super(info);
  }

  @Override
  protected Node content() {
    return holder;
  }

  @Override
  protected void updateWithModel(StepInput in) {
    close();
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
    reflowControls(viewer);
    viewer.ratioSlider().setValue(0.5);
    ReconstructionViewer v = viewer;
    viewer.updatesProperty().addListener((o, a, b) -> setFacts(LearnFacts.reconstruction(in.config(), v.strip().shown())));
    Label warn = new Label(in.session().hasTrainedMimDecoder() ? ""
        : "This model's recipe had no MIM stage, so its MIM decoder is untrained: expect noise.");
    warn.getStyleClass().add("learn-note");
    VBox box = new VBox(6, viewer);
    if (!warn.getText().isEmpty()) {
      box.getChildren().add(0, warn);
    }
    holder.getChildren().setAll(box);
  }

  /**
   * The viewer lays its controls in one row, wider than the Learn pane; let them wrap instead
   * of truncating their labels.
   */
  private static void reflowControls(ReconstructionViewer v) {
    if (v.getTop() instanceof HBox row) {
      FlowPane flow = new FlowPane(10, 6);
      flow.setAlignment(Pos.CENTER_LEFT);
      flow.setPadding(row.getPadding());
      for (Node n : List.copyOf(row.getChildren())) {
        if (n instanceof Label l) {
          l.setMinWidth(Region.USE_PREF_SIZE);
        }
        flow.getChildren().add(n);
      }
      v.setTop(flow);
    }
  }

  @Override
  public void close() {
    if (viewer != null) {
      viewer.close();
      viewer = null;
    }
  }
}
