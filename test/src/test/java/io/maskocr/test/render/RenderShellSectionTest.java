package io.maskocr.test.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.maskocr.app.ui.render.RenderShellSection;
import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Workspace;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rail entry loads fonts in the background, then shows the live preview. */
@ExtendWith(ApplicationExtension.class)
class RenderShellSectionTest {
  private final RenderShellSection section = new RenderShellSection(new StudioContext() {
    private final TaskExecutor executor = new CurrentThreadTaskExecutor();
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();

    @Override
    public TaskExecutor executor() {
      return executor;
    }

    @Override
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
      return workspace;
    }
  });

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene((Parent) section.createView(), 1000, 700));
    stage.show();
  }

  @Test
  void showsThePreviewOnceFontsAreLoaded(FxRobot robot) throws Exception {
    assertEquals("Render", section.title());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#render-grid").tryQuery().isPresent());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> !robot.lookup("#render-grid").queryAs(javafx.scene.layout.TilePane.class).getChildren().isEmpty());
  }
}
