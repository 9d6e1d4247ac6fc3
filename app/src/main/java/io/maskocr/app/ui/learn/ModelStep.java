package io.maskocr.app.ui.learn;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A step that runs the model: shows a placeholder until the model is loaded, then its content,
 * refreshed by {@link #updateWithModel} for every new picture or model.
 */
abstract class ModelStep extends LearnStep {
  private final StackPane root = new StackPane(new NeedsModel());

  protected ModelStep(StepInfo info) {
    super(info);
  }

  /** The step's view once a model is loaded (the same node every time). */
  protected abstract Node content();

  /** Refreshes the content for {@code in}, which has a model; must not block. */
  protected abstract void updateWithModel(StepInput in);

  @Override
  public final Node view() {
    return root;
  }

  @Override
  protected final void update(StepInput in) {
    if (!in.hasModel()) {
      root.getChildren().setAll(new NeedsModel());
      setFacts("");
      return;
    }
    if (root.getChildren().size() != 1 || root.getChildren().get(0) != content()) {
      root.getChildren().setAll(content());
    }
    updateWithModel(in);
  }
}
