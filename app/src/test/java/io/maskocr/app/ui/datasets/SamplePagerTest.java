package io.maskocr.app.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.Cancellable;
import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class SamplePagerTest {

  /** Loader over a virtual result {@code 0..size-1}; records which offsets were read. */
  private static final class Numbers implements SamplePager.PageLoader<Long> {
    final List<Long> offsets = new ArrayList<>();
    final long base;

    Numbers(long base) {
      this.base = base;
    }

    @Override
    public List<Long> load(long offset, int limit) {
      offsets.add(offset);
      return LongStream.range(offset, offset + limit).map(v -> v + base).boxed().toList();
    }
  }

  @Test
  void onlyThePagesAskedForAreLoadedEvenInAHugeResult() {
    SamplePager<Long> pager = new SamplePager<>(new CurrentThreadTaskExecutor(), 200, 8);
    Numbers loader = new Numbers(0);
    pager.reset(loader, 100_000);
    assertNull(pager.at(99_999)); // not in memory yet: starts the load
    assertEquals(99_999L, pager.at(99_999));
    assertEquals(99_801L, pager.at(99_801));
    assertEquals(List.of(99_800L), loader.offsets);
  }

  @Test
  void theLeastRecentlyUsedPageIsEvicted() {
    SamplePager<Long> pager = new SamplePager<>(new CurrentThreadTaskExecutor(), 10, 2);
    Numbers loader = new Numbers(0);
    pager.reset(loader, 1000);
    pager.at(0);
    pager.at(10);
    pager.at(20); // evicts page 0
    assertNull(pager.peek(5));
    assertEquals(15L, pager.peek(15));
  }

  @Test
  void aPageOfAnOldQueryArrivingLateIsDropped() {
    QueuedExecutor executor = new QueuedExecutor();
    SamplePager<Long> pager = new SamplePager<>(executor, 10, 4);
    pager.reset(new Numbers(1000), 50);
    assertNull(pager.at(3)); // old query: load queued, not run
    pager.reset(new Numbers(0), 50); // user typed a new search
    executor.runAll(); // the old page finishes now
    assertNull(pager.peek(3));
    assertNull(pager.at(3));
    executor.runAll();
    assertEquals(3L, pager.at(3));
  }

  @Test
  void rerunningTheSameQueryKeepsShowingOldItemsUntilFreshOnesArrive() {
    QueuedExecutor executor = new QueuedExecutor();
    SamplePager<Long> pager = new SamplePager<>(executor, 10, 4);
    pager.reset(new Numbers(0), 50);
    pager.at(3);
    executor.runAll();
    pager.reset(new Numbers(1000), 50, true); // e.g. after a split edit
    assertEquals(3L, pager.at(3)); // old copy while the page reloads
    executor.runAll();
    assertEquals(1003L, pager.at(3));
  }

  @Test
  void onlyADifferentResultInvalidatesIndexBasedState() {
    SamplePager<Long> pager = new SamplePager<>(new CurrentThreadTaskExecutor(), 10, 4);
    pager.reset(new Numbers(0), 50);
    long before = pager.newResultsProperty().get();
    pager.reset(new Numbers(0), 50, true); // same query, same size: selection still valid
    assertEquals(before, pager.newResultsProperty().get());
    pager.reset(new Numbers(0), 47, true); // same query, items left the filter
    assertEquals(before + 1, pager.newResultsProperty().get());
    pager.reset(new Numbers(0), 47); // another dataset or search
    assertEquals(before + 2, pager.newResultsProperty().get());
  }

  /** Runs tasks only when told, like a slow database. */
  private static final class QueuedExecutor implements TaskExecutor {
    private final Deque<BackgroundTask<?>> queue = new ArrayDeque<>();
    private final CurrentThreadTaskExecutor direct = new CurrentThreadTaskExecutor();

    @Override
    public <V> void execute(BackgroundTask<V> task) {
      queue.add(task);
    }

    void runAll() {
      while (!queue.isEmpty()) {
        direct.execute(queue.poll());
      }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
      action.run();
      return Cancellable.NONE;
    }

    @Override
    public ObservableList<BackgroundTask<?>> visibleTasks() {
      return FXCollections.observableArrayList();
    }

    @Override
    public void close() {}
  }
}
