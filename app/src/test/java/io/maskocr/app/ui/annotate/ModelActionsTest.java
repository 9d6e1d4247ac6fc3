package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Annotate jobs report in their own properties and refuse to start without a dataset and checkpoint. */
class ModelActionsTest {
  @TempDir Path dir;

  @Test
  void withoutACheckpointNoJobStartsAndEveryRefusalIsReported() {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Dataset d = ws.datasets().create("words");
      SimpleObjectProperty<String> checkpoint = new SimpleObjectProperty<>();
      List<String> shown = new ArrayList<>();
      ModelActions actions = new ModelActions(
          new AnnotateViewModelTest.Context(new CurrentThreadTaskExecutor(), new SimpleObjectProperty<>(ws)),
          new SimpleObjectProperty<>(d), checkpoint, shown::add);
      List<String> reports = new ArrayList<>();
      actions.messageProperty().addListener((o, a, b) -> {
        if (!b.isEmpty()) {
          reports.add(b);
        }
      });
      assertNull(actions.predict());
      assertNull(actions.predict());
      assertNull(actions.finetune(10));
      assertEquals(List.of("Choose a dataset and a checkpoint to predict with.",
          "Choose a dataset and a checkpoint to predict with.", "Choose a dataset and the checkpoint to start from."),
          reports, "the same refusal twice is still reported twice");
      assertEquals("", actions.finetuneResultProperty().get());
      assertEquals(List.of(), shown, "no checkpoint list was asked for");
    }
  }
}
