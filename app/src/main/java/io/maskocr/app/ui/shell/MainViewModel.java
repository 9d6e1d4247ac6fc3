package io.maskocr.app.ui.shell;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window: which workspace is open, the text for the status bar, and the
 * last error to show. Opening and closing workspaces (database work) run on the executor.
 */
public final class MainViewModel implements StudioContext {
  private final TaskExecutor executor;
  private final Function<Path, Workspace> opener;
  private final Consumer<Path> rememberWorkspace;
  private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
  private final ReadOnlyStringWrapper workspaceText = new ReadOnlyStringWrapper(this, "workspaceText", "No workspace");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");

  /**
   * @param executor runs the open/close work
   * @param opener opens a workspace folder ({@code Workspace::open} in the app)
   * @param rememberWorkspace called off the UI thread with each opened folder (saves settings)
   */
  public MainViewModel(TaskExecutor executor, Function<Path, Workspace> opener,
      Consumer<Path> rememberWorkspace) {
    this.executor = Objects.requireNonNull(executor);
    this.opener = Objects.requireNonNull(opener);
    this.rememberWorkspace = Objects.requireNonNull(rememberWorkspace);
  }

  /**
   * Opens {@code dir} in the background; on success it replaces (and then closes) the current
   * workspace. On failure the current workspace stays open and {@link #errorProperty()} says why.
   */
  public void open(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    load(target, () -> opener.apply(target));
  }

  /**
   * Creates (or joins) a team workspace in {@code dir} whose database is the PostgreSQL server at
   * {@code address}, then switches to it like {@link #open}. A bad address or an unreachable
   * server leaves the current workspace open and says why in one line.
   */
  public void createTeam(Path dir, String address) {
    Path target = dir.toAbsolutePath().normalize();
    load(target, () -> io.maskocr.engine.team.TeamWorkspaces.createOrJoin(target, DatabaseUrl.parse(address.strip())));
  }

  private void load(Path target, java.util.concurrent.Callable<Workspace> how) {
    opening.set(true);
    workspaceText.set("Opening " + target + " …");
    executor.execute(BackgroundTask.of("Opening workspace", ctx -> {
      ctx.message(target.toString());
      Workspace ws = how.call();
      rememberWorkspace.accept(ws.root());
      return ws;
    }).onSuccess(ws -> {
      Workspace old = workspace.get();
      workspace.set(ws);
      error.set(null);
      closeInBackground(old);
    }).onFailure(e -> error.set("Cannot open workspace " + target + ": " + e.getMessage()))
        .onFinished(() -> {
          opening.set(false);
          Workspace current = workspace.get();
          workspaceText.set(current == null ? "No workspace" : describe(current));
        }));
  }

  /** The folder, and for a team workspace its server (the status bar says where labels go). */
  private static String describe(Workspace ws) {
    return ws.isTeam() ? ws.root() + " (team: " + ws.databaseDescription() + ")" : ws.root().toString();
  }

  private void closeInBackground(Workspace old) {
    if (old != null) {
      executor.execute(BackgroundTask.of("Closing workspace", ctx -> {
        old.close();
        return null;
      }).quiet());
    }
  }

  /** Closes the open workspace (at exit); runs on the calling thread on purpose. */
  public void closeNow() {
    Workspace ws = workspace.get();
    workspace.set(null);
    if (ws != null) {
      ws.close();
    }
  }

  @Override
  public TaskExecutor executor() {
    return executor;
  }

  @Override
  public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
    return workspace.getReadOnlyProperty();
  }

  /** Status-bar text: the workspace folder, or what is happening to it. */
  public ReadOnlyStringProperty workspaceTextProperty() {
    return workspaceText.getReadOnlyProperty();
  }

  /** The last error to show the user, or null. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void clearError() {
    error.set(null);
  }

  public ReadOnlyBooleanProperty openingProperty() {
    return opening.getReadOnlyProperty();
  }
}
