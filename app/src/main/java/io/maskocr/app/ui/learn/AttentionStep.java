package io.maskocr.app.ui.learn;

import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.viewers.attention.AttentionViewer;
import io.maskocr.viewers.concurrent.LatestWins;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Step 6: each character query of the decoder looks at some patches of the picture; pick a
 * character (click or left/right arrows) to see where its query looked.
 */
final class AttentionStep extends ModelStep {
  private final LatestWins worker = new LatestWins("maskocr-learn-attention");
  private final AttentionViewer viewer = new AttentionViewer();
  private final Label status = new Label();
  private final VBox content = new VBox(6, status, viewer);

  AttentionStep(StepInfo info) {
    super(info);
    viewer.setId("learn-attention");
    viewer.selectedProperty().addListener((o, a, b) -> facts());
  }

  @Override
  protected Node content() {
    return content;
  }

  @Override
  protected void updateWithModel(StepInput in) {
    status.setText("reading…");
    worker.submit(() -> in.session().read(in.sample().pixels()), a -> {
      status.setText(in.image().label() == null ? "" : "true text: “" + in.image().label() + "”");
      viewer.show(a);
      facts();
    }, e -> status.setText("cannot read: " + e.getMessage()));
  }

  private void facts() {
    AttentionInspection a = viewer.shown();
    if (a != null && shown() != null) {
      setFacts(LearnFacts.attention(shown().config(), a, viewer.selectedProperty().get()));
    }
  }

  /** The viewer (tests). */
  AttentionViewer viewer() {
    return viewer;
  }

  @Override
  public void close() {
    worker.close();
  }
}
