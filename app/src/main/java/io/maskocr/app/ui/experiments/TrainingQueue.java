package io.maskocr.app.ui.experiments;

import io.maskocr.engine.store.MetricPoint;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.RunProvenance;
import io.maskocr.engine.train.RunRecorder;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingListener;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import io.maskocr.engine.train.WorkspaceRunRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The workspace's training queue: one run trains at a time, later submissions wait their turn.
 * A waiting run has status {@link RunStatus#QUEUED} in the workspace, so the queue survives a
 * restart ({@link #restoreQueued}). Records each run in the workspace (like {@code maskocr
 * train}), trains at a low CPU priority so the UI stays smooth, and forwards every training
 * event to listeners (on the trainer's event thread: coalesce before touching the UI).
 * Thread-safe; never blocks the caller on training (submit and controls return at once, but
 * {@link #submit} writes the run's row, so call it off the UI thread).
 */
public final class TrainingQueue implements AutoCloseable {
  /** A run waiting for its turn. */
  public record Queued(long runId, Recipe recipe) {}

  private final Workspace workspace;
  private final DataResolver resolver;
  private final StageRegistry registry;
  private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
  private final Deque<Queued> waiting = new ArrayDeque<>();
  private TrainingService active;
  private long activeRunId = -1;
  // Exiting the JVM while the trainer is inside libtorch crashes it: stop with a checkpoint first.
  private final Thread shutdownHook = new Thread(this::stopAndWait, "maskocr-queue-shutdown");

  /**
   * @param workspace where runs are recorded
   * @param resolver resolves the recipes' data
   * @param registry stage types
   */
  public TrainingQueue(Workspace workspace, DataResolver resolver, StageRegistry registry) {
    this.workspace = workspace;
    this.resolver = resolver;
    this.registry = registry;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Receives the events of every run this queue trains. */
  public void addListener(TrainingListener l) {
    listeners.add(l);
  }

  /** Records a new run and queues it; returns its id. */
  public long submit(String name, Recipe recipe, List<String> tags) {
    RunRecord rec = record(name, recipe, tags);
    enqueue(new Queued(rec.id(), recipe));
    return rec.id();
  }

  /** Queues an existing (stopped) run to continue from its last checkpoint. */
  public void resumeRun(long runId) {
    RunRecord rec = workspace.runs().get(runId)
        .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in this workspace"));
    enqueue(new Queued(runId, recipeOf(rec)));
  }

  /**
   * Queues again, in id order, the runs the workspace records as {@link RunStatus#QUEUED} (left
   * waiting when the app closed). A run whose recipe cannot be read is marked failed with the
   * reason in its notes. Reads the database: call off the UI thread.
   *
   * @return ids of the runs queued again
   */
  public List<Long> restoreQueued() {
    List<Long> restored = new ArrayList<>();
    for (RunRecord rec : workspace.runs().list()) {
      if (rec.status() != RunStatus.QUEUED || isQueuedOrActive(rec.id())) {
        continue;
      }
      try {
        enqueue(new Queued(rec.id(), recipeOf(rec)));
        restored.add(rec.id());
      } catch (IllegalArgumentException e) {
        workspace.runs().setStatus(rec.id(), RunStatus.FAILED);
        workspace.runs().annotate(rec.id(), rec.name(), rec.tags(),
            (rec.notes().isEmpty() ? "" : rec.notes() + "\n") + "not queued again: " + e.getMessage());
      }
    }
    return restored;
  }

  private static Recipe recipeOf(RunRecord rec) {
    try {
      return Recipes.json().readValue(rec.recipeJson(), Recipe.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("run " + rec.id() + " has an unreadable recipe: " + e.getMessage());
    }
  }

  private synchronized void enqueue(Queued q) {
    if (isQueuedOrActive(q.runId())) {
      throw new IllegalStateException("run " + q.runId() + " is already queued or training");
    }
    // Recorded before it can start: the trainer then sets RUNNING, never the other way round.
    workspace.runs().setStatus(q.runId(), RunStatus.QUEUED);
    waiting.add(q);
    startNextIfIdle();
  }

  private synchronized boolean isQueuedOrActive(long runId) {
    return runId == activeRunId || waiting.stream().anyMatch(w -> w.runId() == runId);
  }

  /**
   * Removes a waiting run from the queue; it stays recorded as stopped (resumable) when it has a
   * checkpoint, else as created.
   */
  public synchronized boolean cancelQueued(long runId) {
    boolean removed = waiting.removeIf(q -> q.runId() == runId);
    if (removed) {
      workspace.runs().setStatus(runId,
          workspace.runs().checkpoints(runId).isEmpty() ? RunStatus.CREATED : RunStatus.STOPPED);
    }
    return removed;
  }

  /** The run training now, or -1. */
  public synchronized long activeRunId() {
    return activeRunId;
  }

  /** Runs waiting, in order. */
  public synchronized List<Queued> waiting() {
    return List.copyOf(waiting);
  }

  /** Pauses the active run before its next step. */
  public synchronized void pause() {
    if (active != null) {
      active.pause();
      workspace.runs().setStatus(activeRunId, RunStatus.PAUSED);
    }
  }

  /** Continues the active run. */
  public synchronized void resume() {
    if (active != null) {
      active.resume();
      workspace.runs().setStatus(activeRunId, RunStatus.RUNNING);
    }
  }

  /** Whether the active run is paused. */
  public synchronized boolean isPaused() {
    return active != null && active.isPaused();
  }

  /** Stops the active run after its current step (with a checkpoint); the next one starts. */
  public synchronized void stop() {
    if (active != null) {
      active.stop();
    }
  }

  private void startNextIfIdle() {
    if (active != null || waiting.isEmpty()) {
      return;
    }
    Queued q = waiting.poll();
    long runId = q.runId();
    RunRecorder recorder = new TimedRecorder(new WorkspaceRunRecorder(workspace, runId), workspace, runId);
    TrainingService s = new TrainingService(q.recipe(), Long.toString(runId), workspace.runs().dir(runId),
        resolver, recorder, registry, TrainingOptions.unlimited().inBackground());
    s.addListener(e -> {
      for (TrainingListener l : listeners) {
        l.onEvent(e);
      }
      if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed) {
        finished(s);
      }
    });
    active = s;
    activeRunId = runId;
    s.start();
  }

  private synchronized void finished(TrainingService s) {
    if (active == s) {
      active = null;
      activeRunId = -1;
      startNextIfIdle();
    }
  }

  private RunRecord record(String name, Recipe r, List<String> tags) {
    try {
      var config = r.model().resolve();
      RunProvenance p = RunProvenance.of("new", r, config, config.charset(), List.of(), 0);
      String recipeJson = Recipes.json().writeValueAsString(r);
      RunRecord rec = workspace.runs().create(new NewRun(name == null || name.isBlank() ? r.name() : name,
          recipeJson, r.seed(), Recipes.json().writeValueAsString(p), p.gitRevision(),
          p.machine(),
          tags, ""));
      Files.createDirectories(workspace.runs().dir(rec.id()));
      Files.writeString(workspace.runs().dir(rec.id()).resolve("recipe.json"), recipeJson);
      return rec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the active run (waiting up to a minute for its checkpoint) and forgets the queue here;
   * the waiting runs stay {@link RunStatus#QUEUED} in the workspace for {@link #restoreQueued}.
   */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
    stopAndWait();
  }

  private void stopAndWait() {
    TrainingService s;
    synchronized (this) {
      waiting.clear();
      s = active;
    }
    if (s != null) {
      s.stop();
      try {
        s.awaitEnd(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Adds the wall-clock time of each metrics event as metric {@code elapsed_s}, so curves can be
   * compared by time as well as by step.
   */
  private record TimedRecorder(RunRecorder delegate, Workspace workspace, long runId) implements RunRecorder {
    @Override
    public void started(RunProvenance provenance) {
      delegate.started(provenance);
    }

    @Override
    public void event(TrainingEvent event) {
      delegate.event(event);
      if (event instanceof TrainingEvent.Metrics m) {
        workspace.runs().addMetrics(List.of(
            new MetricPoint(runId, m.stageType(), m.step(), Metric.ELAPSED, m.elapsedSeconds())));
      }
    }
  }
}
