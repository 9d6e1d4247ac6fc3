package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueCounts;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyset pages of the annotation queue: lowest confidence first, fetched near the end, stale answers dropped. */
class QueuePagerTest {
  private static final int ROWS = 50;
  @TempDir Path dir;
  private Workspace ws;
  private QueueFilter filter;
  private final List<Exception> errors = new ArrayList<>();

  @BeforeEach
  void seed() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    Dataset d = ws.datasets().create("words");
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String sha = String.format("%064x", i); // rows only: no image is read here
      batch.add(new NewSample(sha, "png", 30, 12, "w" + i + ".png", Split.TRAIN, null));
    }
    ws.samples().addBatch(d.id(), batch, "test");
    List<Sample> samples = ws.samples().page(SampleQuery.of(d.id(), ROWS));
    List<Prediction> p = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      // confidence falls with the index: the queue runs backwards through the insert order
      p.add(new Prediction(samples.get(i).id(), "1@1", "w" + i, 1 - i / 100.0, new float[] {0.9f}));
    }
    ws.predictions().insertBatch(p);
    filter = QueueFilter.all(d.id(), "1@1");
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @Test
  void pagesFollowTheLastRowAndLoadWhenTheUserNearsTheEnd() {
    QueuePager near = new QueuePager(new CurrentThreadTaskExecutor(), 30, errors::add);
    AtomicReference<QueueCounts> counts = new AtomicReference<>();
    near.load(ws, () -> filter, counts::set);
    assertEquals(30, near.items().size(), "one page");
    assertEquals(ROWS, counts.get().total());
    assertEquals("w49", near.items().get(0).prediction().text(), "lowest confidence first");
    near.showing(9);
    assertEquals(30, near.items().size(), "far from the end: nothing more");
    near.showing(10); // within PREFETCH rows of the end
    assertEquals(ROWS, near.items().size());
    near.showing(ROWS - 1);
    assertEquals(ROWS, near.items().size(), "the last page was short: no more queries");
    List<String> texts = near.items().stream().map(q -> q.prediction().text()).toList();
    assertEquals(ROWS, texts.stream().distinct().count(), "no row twice across pages");
    for (int i = 1; i < ROWS; i++) {
      assertTrue(near.items().get(i - 1).prediction().confidence() <= near.items().get(i).prediction().confidence());
    }
    assertEquals(near.items().get(3).sample().id(), near.items().get(near.indexOf(near.items().get(3).sample().id()))
        .sample().id());
    assertEquals(-1, near.indexOf(-5));
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void aLoadAnsweredAfterAClearIsDropped() {
    Held later = new Held();
    QueuePager pager = new QueuePager(later, 8, errors::add);
    boolean[] loaded = {false};
    pager.load(ws, () -> filter, c -> loaded[0] = true);
    pager.clear();
    later.runAll();
    assertTrue(pager.items().isEmpty(), "the old query's rows never show");
    assertFalse(loaded[0]);
  }

  /** Holds tasks until {@link #runAll}: a slow query answering after the user moved on. */
  private static final class Held implements TaskExecutor {
    private final List<BackgroundTask<?>> held = new ArrayList<>();
    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

    @Override
    public <V> void execute(BackgroundTask<V> task) {
      held.add(task);
    }

    void runAll() {
      held.forEach(now::execute);
    }

    @Override
    public io.maskocr.app.ui.task.Cancellable schedule(java.time.Duration delay, Runnable action) {
      return now.schedule(delay, action);
    }

    @Override
    public javafx.collections.ObservableList<BackgroundTask<?>> visibleTasks() {
      return now.visibleTasks();
    }

    @Override
    public void close() {
      now.close();
    }
  }
}
