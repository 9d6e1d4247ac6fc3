package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.train.TrainingEvent;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the live dashboard of the training run: progress, ETA, status, the newest
 * snapshots, and metric batches for the charts. Fed with coalesced {@link EventCoalescer.Batch}es
 * on the UI thread; pause/resume/stop go to the {@link RunLauncher} in the background.
 */
public final class DashboardViewModel {
  private final TaskExecutor executor;
  private final LongProperty runId = new SimpleLongProperty(-1);
  private final StringProperty status = new SimpleStringProperty("No run is training. Start one under “New run”.");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty eta = new SimpleStringProperty("");
  private final StringProperty queue = new SimpleStringProperty("");
  private final LongProperty firstWaiting = new SimpleLongProperty(-1);
  private final BooleanProperty training = new SimpleBooleanProperty();
  private final BooleanProperty paused = new SimpleBooleanProperty();
  private final IntegerProperty eventsReceived = new SimpleIntegerProperty();
  private final IntegerProperty updates = new SimpleIntegerProperty();
  private final ObjectProperty<Reconstruction> reconstruction = new SimpleObjectProperty<>();
  private final ObjectProperty<TrainingEvent.AttentionSnapshot> attention = new SimpleObjectProperty<>();
  private Consumer<List<TrainingEvent.Metrics>> metricsSink = m -> {};
  private Runnable onNewRun = () -> {};
  private Runnable onRunEnded = () -> {};
  private RunLauncher launcherRef;

  public DashboardViewModel(TaskExecutor executor) {
    this.executor = executor;
  }

  /** The launcher whose runs are shown (set when a workspace opens). */
  public void setLauncher(RunLauncher queue) {
    this.launcherRef = queue;
  }

  /** Where metric batches go (the view's charts). */
  public void setMetricsSink(Consumer<List<TrainingEvent.Metrics>> sink) {
    this.metricsSink = sink;
  }

  /** Called when events of another run start arriving (the view clears its charts). */
  public void setOnNewRun(Runnable r) {
    this.onNewRun = r;
  }

  /** Called when a run finished or failed (the runs table refreshes). */
  public void setOnRunEnded(Runnable r) {
    this.onRunEnded = r;
  }

  /** Applies one coalesced batch; UI thread. */
  public void apply(EventCoalescer.Batch b) {
    updates.set(updates.get() + 1);
    eventsReceived.set(eventsReceived.get() + b.received());
    for (TrainingEvent.Metrics m : b.metrics()) {
      switchTo(m.runId());
    }
    if (!b.metrics().isEmpty()) {
      TrainingEvent.Metrics last = b.metrics().get(b.metrics().size() - 1);
      progress.set((double) last.step() / Math.max(1, last.totalSteps()));
      eta.set(String.format("step %d / %d · %s %d/%d · ETA %s · %.0f images/s", last.step(), last.totalSteps(),
          last.stageType(), last.stageStep(), last.stageSteps(), duration(last.etaSeconds()),
          last.imagesPerSecond()));
      training.set(true);
      status.set(statusText(last.runId()));
      metricsSink.accept(b.metrics());
    }
    if (b.reconstruction() != null) {
      switchTo(b.reconstruction().runId());
      reconstruction.set(Reconstruction.of(b.reconstruction()));
    }
    if (b.attention() != null) {
      switchTo(b.attention().runId());
      attention.set(b.attention());
    }
    for (TrainingEvent e : b.lifecycle()) {
      switchTo(e.runId());
      if (e instanceof TrainingEvent.StageStarted s) {
        training.set(true);
        status.set(statusText(e.runId()) + " · stage " + (s.stageIndex() + 1) + " (" + s.stageType() + ")");
      } else if (e instanceof TrainingEvent.Finished f) {
        training.set(false);
        paused.set(false);
        if (f.completed()) {
          progress.set(1);
        }
        status.set("Run " + f.runId() + (f.completed() ? " completed" : " stopped") + " at step " + f.step()
            + " after " + duration(f.elapsedSeconds()) + ".");
        onRunEnded.run();
      } else if (e instanceof TrainingEvent.Failed f) {
        training.set(false);
        paused.set(false);
        status.set("Run " + f.runId() + " failed at step " + f.step() + ": " + f.reason());
        onRunEnded.run();
      }
    }
  }

  private void switchTo(String id) {
    long v = parse(id);
    if (v != runId.get()) {
      runId.set(v);
      reconstruction.set(null);
      attention.set(null);
      progress.set(0);
      onNewRun.run();
    }
  }

  private String statusText(String id) {
    return (paused.get() ? "Paused" : "Training") + " run " + id;
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -2;
    }
  }

  /** Human duration: 42 s, 3 min 05 s, 1 h 12 min. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "–";
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format("%d min %02d s", s / 60, s % 60);
    }
    return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /**
   * Reads the launcher's waiting runs into {@link #queueProperty()} (memory only; the view polls
   * it about once a second on the UI thread).
   */
  public void refreshQueue() {
    RunLauncher l = launcherRef;
    List<String> lines = l == null ? List.of() : l.waitingLines();
    List<Long> ids = l == null ? List.of() : l.waitingRunIds();
    queue.set(lines.isEmpty() ? "" : "Queue: " + String.join(" · ", lines));
    firstWaiting.set(ids.isEmpty() ? -1 : ids.get(0));
  }

  /** Takes the first waiting run out of the queue (kept in the workspace, resumable). */
  public void cancelFirstWaiting() {
    RunLauncher l = launcherRef;
    long id = firstWaiting.get();
    if (l == null || id < 0) {
      return;
    }
    executor.execute(BackgroundTask.of("Cancelling run " + id, ctx -> l.cancelQueued(id)).quiet()
        .onSuccess(v -> refreshQueue()));
  }

  /** "Queue: run 5 is waiting for run 4 · …", or empty when nothing waits. */
  public StringProperty queueProperty() {
    return queue;
  }

  /** The first waiting run of this workspace, or -1. */
  public LongProperty firstWaitingProperty() {
    return firstWaiting;
  }

  /** Pauses the training run. */
  public void pause() {
    control("Pausing", () -> launcherRef.pause(), true);
  }

  /** Resumes the paused run. */
  public void resume() {
    control("Resuming", () -> launcherRef.resume(), false);
  }

  /** Stops the run with a checkpoint. */
  public void stop() {
    control("Stopping", () -> launcherRef.stop(), false);
  }

  private void control(String title, Runnable action, boolean pausedAfter) {
    if (launcherRef == null) {
      return;
    }
    executor.execute(BackgroundTask.of(title + " training", ctx -> {
      action.run();
      return null;
    }).quiet().onSuccess(v -> {
      paused.set(pausedAfter);
      status.set(statusText(Long.toString(runId.get())));
    }));
  }

  public LongProperty runIdProperty() {
    return runId;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty etaProperty() {
    return eta;
  }

  public BooleanProperty trainingProperty() {
    return training;
  }

  public BooleanProperty pausedProperty() {
    return paused;
  }

  /** Training events received so far (coalesced ones included). */
  public IntegerProperty eventsReceivedProperty() {
    return eventsReceived;
  }

  /** UI updates applied so far (at most one per pulse, however fast the trainer). */
  public IntegerProperty updatesProperty() {
    return updates;
  }

  public ObjectProperty<Reconstruction> reconstructionProperty() {
    return reconstruction;
  }

  public ObjectProperty<TrainingEvent.AttentionSnapshot> attentionProperty() {
    return attention;
  }
}
