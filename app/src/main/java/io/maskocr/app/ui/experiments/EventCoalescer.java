package io.maskocr.app.ui.experiments;

import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Turns the trainer's event stream into at most one pending UI update. Metric points are all
 * kept (they are the curves) and handed over as one batch; snapshots (reconstruction,
 * attention) are latest-wins; lifecycle events (stage, checkpoint, end) are all kept. A fast
 * trainer therefore cannot flood the UI thread, and a slow UI cannot slow the trainer.
 */
public final class EventCoalescer implements TrainingListener {
  /**
   * What reached the UI in one update.
   *
   * @param metrics every metrics event since the last update, in order
   * @param reconstruction the newest reconstruction snapshot, or null
   * @param attention the newest attention snapshot, or null
   * @param lifecycle stage starts, checkpoints, finished/failed, in order
   * @param received events received since the last update (coalesced ones included)
   */
  public record Batch(
      List<TrainingEvent.Metrics> metrics,
      TrainingEvent.Reconstruction reconstruction,
      TrainingEvent.AttentionSnapshot attention,
      List<TrainingEvent> lifecycle,
      int received) {}

  private final Executor ui;
  private final Consumer<Batch> sink;
  private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicReference<TrainingEvent.Reconstruction> recon = new AtomicReference<>();
  private final AtomicReference<TrainingEvent.AttentionSnapshot> attention = new AtomicReference<>();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param ui runs the delivery on the UI thread ({@code Platform::runLater}; a direct executor in tests)
   * @param sink receives the batches on the UI thread
   */
  public EventCoalescer(Executor ui, Consumer<Batch> sink) {
    this.ui = ui;
    this.sink = sink;
  }

  @Override
  public void onEvent(TrainingEvent e) {
    received.incrementAndGet();
    if (e instanceof TrainingEvent.Reconstruction r) {
      recon.set(r);
    } else if (e instanceof TrainingEvent.AttentionSnapshot a) {
      attention.set(a);
    } else {
      queue.add(e);
    }
    if (pending.compareAndSet(false, true)) {
      ui.execute(this::deliver);
    }
  }

  private void deliver() {
    pending.set(false);
    List<TrainingEvent.Metrics> metrics = new ArrayList<>();
    List<TrainingEvent> lifecycle = new ArrayList<>();
    for (TrainingEvent e; (e = queue.poll()) != null; ) {
      if (e instanceof TrainingEvent.Metrics m) {
        metrics.add(m);
      } else {
        lifecycle.add(e);
      }
    }
    sink.accept(new Batch(metrics, recon.getAndSet(null), attention.getAndSet(null), lifecycle,
        received.getAndSet(0)));
  }
}
