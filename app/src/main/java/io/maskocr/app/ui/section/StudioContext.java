package io.maskocr.app.ui.section;

import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Workspace;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What every section may use: the background executor and the open workspace. The workspace
 * is null while none is open (at start, or while switching); sections react to changes.
 */
public interface StudioContext {
  TaskExecutor executor();

  /** The open workspace, or null; changes only on the UI thread. */
  ReadOnlyObjectProperty<Workspace> workspaceProperty();

  default Workspace workspace() {
    return workspaceProperty().get();
  }
}
