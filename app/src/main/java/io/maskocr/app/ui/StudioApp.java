package io.maskocr.app.ui;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.app.ui.shell.StudioSettings;
import io.maskocr.app.ui.shell.WorkspaceChoice;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application. Started by {@code io.maskocr.app.Main} (which must not extend
 * Application); takes {@code --workspace DIR} like the CLI, otherwise env
 * {@code MASKOCR_WORKSPACE}, the last workspace, or {@code ~/.maskocr/default}.
 */
public final class StudioApp extends Application {
  @Override
  public void start(Stage stage) {
    SettingsFile settings = new SettingsFile(StudioSettings.defaultFile());
    Path workspace = WorkspaceChoice.resolve(
        getParameters().getRaw(), System::getenv, settings.get().lastWorkspace());
    MainWindow.show(stage, workspace, settings);
  }

  public static void main(String[] args) {
    launch(StudioApp.class, args);
  }
}
