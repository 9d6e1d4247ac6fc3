package io.maskocr.test.annotate;

import io.maskocr.app.ui.annotate.AnnotateViewModel;
import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Child process of {@link KillAfterSaveTest}: opens the workspace in the Annotate view model,
 * types a label over the first queue item, presses "Enter" (save), prints {@code SAVED <id>}
 * and then waits to be killed, never closing the workspace.
 */
public final class SaveThenWait {
  private SaveThenWait() {}

  record Context(TaskExecutor executor, SimpleObjectProperty<Workspace> ws) implements StudioContext {
    @Override
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
      return ws;
    }
  }

  /** Args: workspace folder, annotator settings file, label text. */
  public static void main(String[] args) throws Exception {
    Workspace ws = Workspace.open(Path.of(args[0]));
    AnnotateViewModel vm = new AnnotateViewModel(
        new Context(new CurrentThreadTaskExecutor(), new SimpleObjectProperty<>(ws)), Path.of(args[1]));
    long id = vm.currentProperty().get().sample().id();
    vm.textProperty().set(args[2]);
    vm.save();
    if (vm.indexProperty().get() != 1) {
      System.out.println("NOT SAVED: " + vm.messageProperty().get());
    } else {
      System.out.println("SAVED " + id);
    }
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
