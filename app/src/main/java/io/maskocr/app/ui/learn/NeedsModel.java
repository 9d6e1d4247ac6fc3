package io.maskocr.app.ui.learn;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder of steps that run the model while the model is still being prepared. */
final class NeedsModel extends StackPane {
  NeedsModel() {
    getChildren().add(LearnStep.note(new Label("This step runs the model. It appears here as soon as the model is "
        + "ready (see the progress at the top).")));
    setAlignment(Pos.TOP_LEFT);
  }
}
