package io.maskocr.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application window. (Skeleton: the app-shell work replaces this.) */
public final class StudioApp extends Application {
  @Override
  public void start(Stage stage) {
    stage.setTitle("MaskOCR Studio");
    stage.setScene(new Scene(new Label("MaskOCR Studio"), 1100, 720));
    stage.show();
  }

  public static void main(String[] args) {
    launch(StudioApp.class, args);
  }
}
