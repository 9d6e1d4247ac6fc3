package io.maskocr.app.ui.datasets;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with one sample at a readable size, its facts and its label history. */
public final class SampleDetailsDialog {
  /** Largest size the image is shown at. */
  public static final int MAX_W = 720;
  public static final int MAX_H = 240;
  private final Stage stage = new Stage();

  public SampleDetailsDialog(SampleDetailsViewModel model, Window owner) {
    stage.setTitle("Sample " + model.sample().id());
    if (owner != null) {
      stage.initOwner(owner);
    }
    Label title = new Label(model.title());
    title.setId("details-label");
    title.getStyleClass().add(Styles.TITLE_3);
    Label facts = new Label(model.facts());
    facts.getStyleClass().add("muted");
    ImageView image = new ImageView();
    StackPane imageBox = new StackPane(image);
    imageBox.setMinHeight(80);
    imageBox.getStyleClass().add("details-image");
    image.imageProperty().bind(model.imageProperty());
    Label historyTitle = new Label("Label history (oldest first)");
    historyTitle.getStyleClass().add(Styles.TEXT_BOLD);
    ListView<String> history = new ListView<>(model.history());
    history.setId("details-history");
    history.setPrefHeight(140);
    Label error = new Label();
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(model.errorProperty());
    VBox root = new VBox(10, title, facts, imageBox, historyTitle, history, error);
    root.setPadding(new Insets(16));
    root.setPrefWidth(MAX_W + 32);
    stage.setScene(new Scene(root));
  }

  public void show() {
    stage.show();
  }
}
