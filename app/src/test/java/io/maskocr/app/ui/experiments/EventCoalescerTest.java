package io.maskocr.app.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.maskocr.engine.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class EventCoalescerTest {
  static TrainingEvent.Metrics metrics(long step) {
    return new TrainingEvent.Metrics("7", step, 100, 0, "mim", step, 100, 1.0 / step, Double.NaN, 1e-3, 0.5, 100,
        step, 100 - step);
  }

  static TrainingEvent.Reconstruction recon(long step) {
    return new TrainingEvent.Reconstruction("7", step, 1, 4, 8, 4, 4, new float[32], new boolean[2], new float[32]);
  }

  @Test
  void aBurstOfEventsReachesTheUiAsOneBatchWithEveryMetricAndTheLatestSnapshot() {
    ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    List<EventCoalescer.Batch> batches = new ArrayList<>();
    EventCoalescer c = new EventCoalescer(ui::add, batches::add);
    for (long s = 1; s <= 50; s++) {
      c.onEvent(metrics(s));
      c.onEvent(recon(s));
    }
    c.onEvent(new TrainingEvent.CheckpointSaved("7", 50, Path.of("x")));
    assertEquals(1, ui.size(), "one pending UI update however many events");
    ui.poll().run();
    assertEquals(1, batches.size());
    EventCoalescer.Batch b = batches.get(0);
    assertEquals(50, b.metrics().size());
    assertEquals(50, b.metrics().get(49).step());
    assertEquals(50, b.reconstruction().step(), "latest wins");
    assertNull(b.attention());
    assertEquals(1, b.lifecycle().size());
    assertEquals(101, b.received());

    TrainingEvent.Reconstruction later = recon(51);
    c.onEvent(later);
    assertEquals(1, ui.size(), "a new event after delivery schedules one more update");
    ui.poll().run();
    assertSame(later, batches.get(1).reconstruction());
    assertEquals(List.of(), batches.get(1).metrics());
  }
}
