package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.engine.annotate.AnnotationSession;
import io.maskocr.engine.annotate.SessionStats;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.ServerUnreachableException;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Commits label changes (save, illegible, restore, undo, redo) one at a time, off the UI
 * thread, in the annotator's {@link AnnotationSession}; keeps the annotator's name and the
 * session's figures. While a change is in flight {@link #busyProperty()} is true and further
 * changes are refused, so a change can never land on an item the user has already left.
 */
final class LabelEditor {
  /** One label change in the session; answers the changed sample's id, or -1 when there was nothing to do. */
  @FunctionalInterface
  interface Edit {
    long run(AnnotationSession session) throws Exception;
  }

  /**
   * A committed change.
   *
   * @param sampleId the changed sample, or -1 when there was nothing to change
   * @param sample the sample with its new current label (null when it was not found)
   */
  record Changed(long sampleId, Sample sample) {}

  private final StudioContext context;
  private final Path annotatorFile;
  private final StringProperty annotator = new SimpleStringProperty(this, "annotator", "");
  private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper(this, "stats", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private AnnotationSession session;

  /** @param annotatorFile where the annotator's name is kept ({@link AnnotatorSettings#defaultFile()}) */
  LabelEditor(StudioContext context, Path annotatorFile) {
    this.context = context;
    this.annotatorFile = annotatorFile;
    annotator.set(AnnotatorSettings.load(annotatorFile).name());
  }

  /** Whether a change may start now; if not, {@code complain} gets why (nothing when no workspace is open). */
  boolean ready(Consumer<String> complain) {
    if (busy.get()) {
      complain.accept("Still saving the previous change…");
      return false;
    }
    if (annotator.get() == null || annotator.get().isBlank()) {
      complain.accept("Set your annotator name first (top right): it is recorded with every label.");
      return false;
    }
    return context.workspace() != null;
  }

  /**
   * Runs {@code edit} off the UI thread; when it is committed, updates the session figures and
   * hands the changed sample to {@code onCommitted}. Call only after {@link #ready}.
   */
  void run(String title, Edit edit, Consumer<Changed> onCommitted, Consumer<Exception> onFailure) {
    run(title, edit, onCommitted, onFailure, m -> {});
  }

  /**
   * As above; when the database server cannot be reached (a team workspace), the edit is kept and
   * tried again every {@link #RETRY_MS} ms until the server is back, for up to an hour, while
   * {@code onWaiting} gets what to tell the annotator. The edit and what is on screen stay.
   */
  void run(String title, Edit edit, Consumer<Changed> onCommitted, Consumer<Exception> onFailure,
      Consumer<String> onWaiting) {
    Workspace ws = context.workspace();
    AnnotationSession s = session();
    busy.set(true);
    BackgroundTask<Committed> task = BackgroundTask.of(title, c -> {
      long id = untilReachable(() -> edit.run(s), c);
      Optional<Sample> sample = id < 0 ? Optional.empty() : ws.samples().get(id);
      return new Committed(new Changed(id, sample.orElse(null)), s.stats());
    });
    task.messageProperty().addListener((o, a, b) -> {
      if (b != null && !b.isEmpty()) {
        onWaiting.accept(b);
      }
    });
    context.executor().execute(task.quiet().onSuccess(done -> {
      busy.set(false);
      showStats(done.stats);
      onCommitted.accept(done.changed);
    }).onFailure(e -> {
      busy.set(false);
      onFailure.accept(e);
    }));
  }

  private record Committed(Changed changed, SessionStats stats) {}

  @FunctionalInterface
  private interface Attempt {
    long run() throws Exception;
  }

  /** How often an edit is tried again while the server is away. */
  static final long RETRY_MS = 3_000;
  private static final long RETRY_FOR_MS = 3_600_000;

  private static long untilReachable(Attempt work, io.maskocr.app.ui.task.TaskContext c) throws Exception {
    long giveUp = System.currentTimeMillis() + RETRY_FOR_MS;
    while (true) {
      try {
        return work.run();
      } catch (ServerUnreachableException e) {
        if (c.isCancelled() || System.currentTimeMillis() > giveUp) {
          throw e;
        }
        c.message(e.getMessage().replace("; nothing of this change was stored", "")
            .replace(", then try again", "") + ". Your label is kept and saved as soon as the server is back.");
        Thread.sleep(RETRY_MS);
      }
    }
  }

  /** Saves the annotator's name (recorded with every label from now on); {@code onSaved} gets it. */
  void saveAnnotator(Consumer<String> onSaved, Consumer<Exception> onFailure) {
    String name = annotator.get() == null ? "" : annotator.get().strip();
    session = null;
    context.executor().execute(BackgroundTask.of("save annotator", c -> {
      new AnnotatorSettings(name).save(annotatorFile);
      return name;
    }).quiet().onSuccess(onSaved::accept).onFailure(onFailure::accept));
  }

  /**
   * Tells the session which label the annotator now sees on an item (the newest kept entry of
   * its history), so that a save in a team workspace does not overwrite a teammate's newer one.
   */
  void shown(long sampleId, java.util.List<io.maskocr.engine.store.LabelEntry> history) {
    if (context.workspace() == null || annotator.get() == null || annotator.get().isBlank()) {
      return; // no save can happen before the name is set; the next display records it
    }
    long entry = 0;
    for (io.maskocr.engine.store.LabelEntry e : history) {
      entry = e.conflict() ? entry : e.id();
    }
    session().shown(sampleId, entry);
  }

  /** Forgets the session (the workspace changed): the next change starts a new one. */
  void endSession() {
    session = null;
  }

  /** The session of the open workspace and annotator; made on the UI thread, used by workers. */
  private AnnotationSession session() {
    String name = annotator.get().strip();
    if (session == null || !session.author().equals(name)) {
      session = new AnnotationSession(context.workspace(), name, System::currentTimeMillis);
    }
    return session;
  }

  private void showStats(SessionStats s) {
    stats.set(String.format("%.1f labels/min · %d corrected · %d accepted · %d illegible", s.labelsPerMinute(),
        s.corrected(), s.accepted(), s.illegible()));
  }

  StringProperty annotatorProperty() {
    return annotator;
  }

  ReadOnlyStringProperty statsProperty() {
    return stats.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
