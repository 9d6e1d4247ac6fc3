package io.maskocr.engine.run;

import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingListener;
import io.maskocr.engine.train.TrainingService;
import io.maskocr.engine.store.Workspace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One run's place in the {@link RunLauncher}'s queue: waiting, training, or ended. The caller
 * that asked for the run follows it here: what it waits for (to show "waiting for run 4"), its
 * events once it trains, its end, and Cancel. Thread-safe.
 */
public final class Ticket {
  /** Where the run is. */
  public enum State {
    /** In the queue: another run trains (here or in another process). */
    WAITING,
    /** Its trainer runs. */
    TRAINING,
    /** Finished, failed, or cancelled before it started. */
    ENDED
  }

  private final Workspace workspace;
  private final long runId;
  private final Supplier<TrainingService> factory;
  private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<TrainingEvent> end = new CompletableFuture<>();
  private volatile State state = State.WAITING;
  private volatile String waitingFor = "waiting for its turn";
  private volatile TrainingService service;
  private volatile boolean cancelled;

  Ticket(Workspace workspace, long runId, Supplier<TrainingService> factory) {
    this.workspace = workspace;
    this.runId = runId;
    this.factory = factory;
  }

  /** The run this ticket trains. */
  public long runId() {
    return runId;
  }

  /** The workspace the run belongs to. */
  public Workspace workspace() {
    return workspace;
  }

  public State state() {
    return state;
  }

  /**
   * While {@link State#WAITING}, what the run waits for, for people: "waiting for run 4", or
   * "waiting for another process training this workspace (pid 1234 run 7)".
   */
  public String waitingFor() {
    return waitingFor;
  }

  /** Receives this run's training events (on the trainer's event thread). */
  public void addListener(TrainingListener l) {
    listeners.add(l);
  }

  /**
   * Waits for the run's end.
   *
   * @return the {@link TrainingEvent.Finished} or {@link TrainingEvent.Failed} event (a run
   *     cancelled while waiting ends as Finished at step 0, not completed), or null on timeout
   */
  public TrainingEvent awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      return end.get(timeout, unit);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Whether the run ended. */
  public boolean isDone() {
    return end.isDone();
  }

  /**
   * Cancel: a waiting run leaves the queue (kept in the workspace, resumable); a training run
   * stops after its current step with a checkpoint.
   */
  public void cancel() {
    cancelled = true;
    RunLauncher.cancel(this);
  }

  /** Pauses the trainer before its next step (no effect unless training). */
  public void pause() {
    TrainingService s = service;
    if (s != null) {
      s.pause();
    }
  }

  /** Continues after {@link #pause()}. */
  public void resume() {
    TrainingService s = service;
    if (s != null) {
      s.resume();
    }
  }

  public boolean isPaused() {
    TrainingService s = service;
    return s != null && s.isPaused();
  }

  void waitingFor(String what) {
    waitingFor = what;
  }

  /** Builds and starts the trainer; {@code onEnd} runs once, after the last event. */
  void start(Runnable onEnd) {
    TrainingService s = factory.get();
    s.addListener(e -> {
      for (TrainingListener l : listeners) {
        l.onEvent(e);
      }
      if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed) {
        state = State.ENDED;
        service = null;
        onEnd.run();
        end.complete(e);
      }
    });
    service = s;
    state = State.TRAINING;
    s.start();
    if (cancelled) { // cancelled between leaving the queue and starting
      s.stop();
    }
  }

  /** The trainer, while training. */
  TrainingService service() {
    return service;
  }

  /** Ends a ticket that never started (cancelled, or its trainer could not be built). */
  void endUnstarted(TrainingEvent e) {
    state = State.ENDED;
    end.complete(e);
  }
}
