package io.maskocr.engine.run;

import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.RunProvenance;
import io.maskocr.engine.train.RunRecorder;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingListener;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import io.maskocr.engine.train.WorkspaceDataResolver;
import io.maskocr.engine.train.WorkspaceRunRecorder;
import io.maskocr.engine.store.MetricPoint;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The one way to start training. Every training (the CLI's {@code train}, New run, Learn's first
 * model, Annotate's fine-tune, the low-label study) is recorded ({@link RunRegistration}), queued
 * and run here.
 *
 * <p>Within one process only one trainer runs at a time, whatever the workspace: DJL allows a
 * single gradient collector per process. The others wait in one first-come queue, and their
 * {@link Ticket} says what they wait for. Between processes, the workspace's {@link TrainingLock}
 * makes the app and a CLI take turns on the same workspace. A waiting run has status {@link
 * RunStatus#QUEUED} in the workspace, so the app can queue it again after a restart ({@link
 * #restoreQueued}).
 *
 * <p>Get the launcher of a workspace with {@link #of}; it forwards every event of that
 * workspace's runs to its listeners (the Live dashboard). Thread-safe; {@link #submit} writes to
 * the database, so call it off the UI thread.
 */
public final class RunLauncher {
  /** Metric recorded with every metrics event: seconds since the run (session) started. */
  public static final String ELAPSED_METRIC = "elapsed_s";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLauncher.class);
  private static final Object QUEUE = new Object();
  // guarded by QUEUE
  private static final Map<Workspace, RunLauncher> LAUNCHERS = new IdentityHashMap<>();
  private static final Deque<Ticket> WAITING = new ArrayDeque<>();
  private static Ticket active;
  private static TrainingLock activeLock;
  private static Thread dispatcher;

  static {
    // Exiting the JVM while a trainer is inside libtorch crashes it: stop with a checkpoint first.
    Runtime.getRuntime().addShutdownHook(new Thread(RunLauncher::stopActiveAndWait, "maskocr-launcher-shutdown"));
  }

  private final Workspace workspace;
  private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

  private RunLauncher(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The launcher of {@code workspace} in this process (made on first use). */
  public static RunLauncher of(Workspace workspace) {
    synchronized (QUEUE) {
      return LAUNCHERS.computeIfAbsent(workspace, RunLauncher::new);
    }
  }

  /** Receives the events of every run of this workspace that trains in this process. */
  public void addListener(TrainingListener l) {
    listeners.add(l);
  }

  public void removeListener(TrainingListener l) {
    listeners.remove(l);
  }

  /**
   * Records a new run and queues it.
   *
   * @param resolver the recipe's data; null means the workspace's ({@link WorkspaceDataResolver})
   */
  public Ticket submit(String name, Recipe recipe, List<String> tags, String notes, DataResolver resolver,
      TrainingOptions options) throws IOException {
    RunRecord rec = RunRegistration.register(workspace, name, recipe, tags, notes);
    return enqueue(rec.id(), recipe, resolver, options);
  }

  /**
   * Queues a recorded run (a new one, or a stopped one that continues from its last checkpoint).
   *
   * @throws IllegalStateException when the run is queued or training already
   */
  public Ticket enqueue(long runId, Recipe recipe, DataResolver resolver, TrainingOptions options) {
    DataResolver data = resolver != null ? new WorkspaceFingerprints(resolver, workspace)
        : new WorkspaceDataResolver(workspace);
    Ticket t = new Ticket(workspace, runId, () -> trainer(runId, recipe, data, options));
    if (find(runId).isPresent()) {
      throw new IllegalStateException("run " + runId + " is already queued or training");
    }
    // Recorded before it can start (the trainer then sets RUNNING, never the other way round),
    // and outside the queue's lock, which views read on the UI thread.
    workspace.runs().setStatus(runId, RunStatus.QUEUED);
    synchronized (QUEUE) {
      if (find(runId).isPresent()) {
        throw new IllegalStateException("run " + runId + " is already queued or training");
      }
      WAITING.add(t);
      describeWaiting();
      ensureDispatcher();
      QUEUE.notifyAll();
    }
    return t;
  }

  /** Queues a stopped run to continue from its last checkpoint with its own recipe. */
  public Ticket resumeRun(long runId, DataResolver resolver, TrainingOptions options) {
    RunRecord rec = workspace.runs().get(runId)
        .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in workspace " + workspace.root()));
    return enqueue(runId, recipeOf(rec), resolver, options);
  }

  /**
   * Queues again, in id order, the runs the workspace records as {@link RunStatus#QUEUED} (left
   * waiting when the app closed). A run whose recipe cannot be read is marked failed with the
   * reason in its notes. Reads the database: call off the UI thread.
   *
   * @return ids of the runs queued again
   */
  public List<Long> restoreQueued(DataResolver resolver, TrainingOptions options) {
    List<Long> restored = new ArrayList<>();
    for (RunRecord rec : workspace.runs().list()) {
      if (rec.status() != RunStatus.QUEUED || find(rec.id()).isPresent()) {
        continue;
      }
      try {
        enqueue(rec.id(), recipeOf(rec), resolver, options);
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

  /** The ticket of a run of this workspace that waits or trains in this process. */
  public Optional<Ticket> find(long runId) {
    synchronized (QUEUE) {
      if (active != null && active.workspace() == workspace && active.runId() == runId) {
        return Optional.of(active);
      }
      return WAITING.stream().filter(t -> t.workspace() == workspace && t.runId() == runId).findFirst();
    }
  }

  /** Removes a waiting run of this workspace from the queue; true when it was waiting. */
  public boolean cancelQueued(long runId) {
    Optional<Ticket> t = find(runId);
    if (t.isPresent() && t.get().state() == Ticket.State.WAITING) {
      t.get().cancel();
      return true;
    }
    return false;
  }

  /** The run of this workspace training now in this process, or -1. */
  public long activeRunId() {
    synchronized (QUEUE) {
      return active != null && active.workspace() == workspace ? active.runId() : -1;
    }
  }

  /**
   * This workspace's waiting runs, in queue order, each as "run 5 is waiting for run 4". Reads
   * memory only (no database), so a view may poll it on the UI thread.
   */
  public List<String> waitingLines() {
    synchronized (QUEUE) {
      return WAITING.stream().filter(t -> t.workspace() == workspace)
          .map(t -> "run " + t.runId() + " is " + t.waitingFor()).toList();
    }
  }

  /** Ids of this workspace's runs waiting in this process, in queue order. */
  public List<Long> waitingRunIds() {
    synchronized (QUEUE) {
      return WAITING.stream().filter(t -> t.workspace() == workspace).map(Ticket::runId).toList();
    }
  }

  /** Pauses this workspace's training run before its next step. */
  public void pause() {
    activeTicket().ifPresent(t -> {
      t.pause();
      workspace.runs().setStatus(t.runId(), RunStatus.PAUSED);
    });
  }

  /** Continues this workspace's paused run. */
  public void resume() {
    activeTicket().ifPresent(t -> {
      t.resume();
      workspace.runs().setStatus(t.runId(), RunStatus.RUNNING);
    });
  }

  /** Whether this workspace's training run is paused. */
  public boolean isPaused() {
    return activeTicket().map(Ticket::isPaused).orElse(false);
  }

  /** Stops this workspace's training run after its current step, with a checkpoint. */
  public void stop() {
    activeTicket().ifPresent(Ticket::cancel);
  }

  private Optional<Ticket> activeTicket() {
    synchronized (QUEUE) {
      return active != null && active.workspace() == workspace ? Optional.of(active) : Optional.empty();
    }
  }

  /**
   * For a workspace being closed: its waiting runs leave this process's queue (they stay {@link
   * RunStatus#QUEUED} in the workspace for {@link #restoreQueued}), its training run stops with a
   * checkpoint (waiting up to a minute), and the launcher is forgotten.
   */
  public void close() {
    Ticket mine;
    synchronized (QUEUE) {
      WAITING.removeIf(t -> {
        if (t.workspace() != workspace) {
          return false;
        }
        t.endUnstarted(new TrainingEvent.Finished(Long.toString(t.runId()), 0, false, 0));
        return true;
      });
      mine = active != null && active.workspace() == workspace ? active : null;
      LAUNCHERS.remove(workspace);
      describeWaiting();
    }
    if (mine != null) {
      mine.cancel();
      try {
        mine.awaitEnd(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private TrainingService trainer(long runId, Recipe recipe, DataResolver data, TrainingOptions options) {
    RunRecorder recorder = new TimedRecorder(new WorkspaceRunRecorder(workspace, runId), workspace, runId);
    TrainingService s = new TrainingService(recipe, Long.toString(runId), workspace.runs().dir(runId), data,
        recorder, StandardStages.registry(), options);
    s.addListener(e -> {
      for (TrainingListener l : listeners) {
        l.onEvent(e);
      }
    });
    return s;
  }

  static void cancel(Ticket t) {
    boolean wasWaiting;
    TrainingService running = null;
    synchronized (QUEUE) {
      wasWaiting = WAITING.remove(t);
      if (!wasWaiting && active == t) {
        running = t.service();
      }
      describeWaiting();
    }
    if (wasWaiting) {
      var runs = t.workspace().runs();
      runs.setStatus(t.runId(), runs.checkpoints(t.runId()).isEmpty() ? RunStatus.CREATED : RunStatus.STOPPED);
      t.endUnstarted(new TrainingEvent.Finished(Long.toString(t.runId()), 0, false, 0));
    } else if (running != null) {
      running.stop();
    }
  }

  private static void ensureDispatcher() {
    if (dispatcher == null) {
      dispatcher = new Thread(RunLauncher::dispatch, "maskocr-run-launcher");
      dispatcher.setDaemon(true);
      dispatcher.start();
    }
  }

  /** Starts the head of the queue whenever no trainer runs and its workspace is not locked elsewhere. */
  private static void dispatch() {
    while (true) {
      try {
        Ticket next;
        synchronized (QUEUE) {
          while (active != null || WAITING.isEmpty()) {
            QUEUE.wait();
          }
          next = WAITING.peek();
        }
        Optional<TrainingLock> lock;
        try {
          lock = TrainingLock.tryAcquire(next.workspace().root(), next.runId());
        } catch (IOException | RuntimeException e) {
          fail(next, "cannot lock workspace " + next.workspace().root() + " for training (" + e.getMessage()
              + "): check that the folder is writable");
          continue;
        }
        synchronized (QUEUE) {
          if (WAITING.peek() != next) { // cancelled meanwhile
            lock.ifPresent(RunLauncher::release);
            continue;
          }
          if (lock.isEmpty()) {
            next.waitingFor("waiting for another process training this workspace ("
                + TrainingLock.holder(next.workspace().root()).orElse("holder unknown") + ")");
            QUEUE.wait(2000);
            continue;
          }
          WAITING.poll();
          active = next;
          activeLock = lock.get();
          describeWaiting();
        }
        try {
          next.start(() -> finished(next));
        } catch (RuntimeException e) {
          LOG.warn("run {} could not start", next.runId(), e);
          finished(next);
          next.endUnstarted(new TrainingEvent.Failed(Long.toString(next.runId()), 0, "could not start: " + e));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("training queue error", e); // keep dispatching
      }
    }
  }

  private static void fail(Ticket t, String reason) {
    synchronized (QUEUE) {
      WAITING.remove(t);
      describeWaiting();
    }
    try {
      t.workspace().runs().setStatus(t.runId(), RunStatus.FAILED);
    } catch (RuntimeException e) {
      LOG.warn("cannot mark run {} failed", t.runId(), e);
    }
    t.endUnstarted(new TrainingEvent.Failed(Long.toString(t.runId()), 0, reason));
  }

  private static void finished(Ticket t) {
    synchronized (QUEUE) {
      if (active == t) {
        active = null;
        release(activeLock);
        activeLock = null;
        describeWaiting();
        QUEUE.notifyAll();
      }
    }
  }

  private static void release(TrainingLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("cannot release the training lock", e);
    }
  }

  /** Tells each waiting ticket what it waits for (callers hold QUEUE). */
  private static void describeWaiting() {
    int ahead = 0;
    for (Ticket t : WAITING) {
      if (active == null) {
        t.waitingFor(ahead == 0 ? "starting" : "waiting for run " + WAITING.peek().runId());
      } else {
        String of = active.workspace() == t.workspace() ? "" : " (workspace " + active.workspace().root() + ")";
        t.waitingFor("waiting for run " + active.runId() + of + (ahead == 0 ? "" : ", " + ahead + " ahead in the queue"));
      }
      ahead++;
    }
  }

  private static void stopActiveAndWait() {
    Ticket t;
    synchronized (QUEUE) {
      WAITING.clear();
      t = active;
    }
    if (t != null) {
      TrainingService s = t.service();
      if (s != null) {
        s.stop();
        try {
          s.awaitEnd(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * Adds the wall-clock time of each metrics event as metric {@value #ELAPSED_METRIC}, so curves
   * can be compared by time as well as by step.
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
            new MetricPoint(runId, m.stageType(), m.step(), ELAPSED_METRIC, m.elapsedSeconds())));
      }
    }
  }
}
