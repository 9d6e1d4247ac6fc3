package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.QueueCounts;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Workspace;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The annotation queue as a growing list, paged by keyset: each page asks the store for the
 * rows after the last one shown (lowest confidence first), so saves that move rows out of a
 * filter never shift or repeat a page, and a queue of millions costs one indexed query per
 * page. The queue is read front to back, so unlike the datasets grid's
 * {@link io.maskocr.app.ui.datasets.SamplePager} (offset pages, random access) it needs no
 * page cache.
 *
 * <p>Used on the UI thread only; the queries run on the executor. A new {@link #load} or
 * {@link #clear} makes the answers of the previous query be dropped, so a slow query never
 * fills the list with rows of an old filter.
 */
final class QueuePager {
  /** Queue rows per page; more load when the user nears the end. */
  static final int PAGE = 200;
  /** How close to the last loaded row the next page is fetched. */
  static final int PREFETCH = 20;

  /** Makes the store query; runs off the UI thread (it may read the checkpoint's charset from disk). */
  @FunctionalInterface
  interface FilterSource {
    QueueFilter filter() throws Exception;
  }

  private final TaskExecutor executor;
  private final int pageSize;
  private final Consumer<Exception> onError;
  private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
  private Workspace workspace;
  private QueueFilter applied;
  private boolean morePages;
  private long generation;

  /**
   * @param pageSize rows per query
   * @param onError gets failed queries (on the UI thread)
   */
  QueuePager(TaskExecutor executor, int pageSize, Consumer<Exception> onError) {
    this.executor = executor;
    this.pageSize = pageSize;
    this.onError = onError;
  }

  /** Empties the queue (no dataset or checkpoint); pending answers are dropped. */
  void clear() {
    generation++;
    workspace = null;
    applied = null;
    morePages = false;
    items.clear();
  }

  /**
   * Replaces the queue with the first page of a new query; {@code onLoaded} gets its counts
   * after the rows are in, unless another load or clear came first.
   */
  void load(Workspace ws, FilterSource source, Consumer<QueueCounts> onLoaded) {
    long gen = ++generation;
    executor.execute(BackgroundTask.of("load queue", c -> {
      QueueFilter f = source.filter();
      return new FirstPage(f, ws.predictions().queue(f, null, pageSize), ws.predictions().queueCounts(f));
    }).quiet().onSuccess(r -> {
      if (gen != generation) {
        return;
      }
      workspace = ws;
      applied = r.filter;
      morePages = r.items.size() == pageSize;
      items.setAll(r.items);
      onLoaded.accept(r.counts);
    }).onFailure(onError::accept));
  }

  private record FirstPage(QueueFilter filter, List<QueueItem> items, QueueCounts counts) {}

  /** Called when row {@code index} is shown: fetches the next page when it is near the end. */
  void showing(int index) {
    if (index >= items.size() - PREFETCH) {
      loadMore();
    }
  }

  private void loadMore() {
    if (!morePages || items.isEmpty() || workspace == null) {
      return;
    }
    morePages = false; // one page in flight at a time
    long gen = generation;
    Workspace ws = workspace;
    QueueFilter f = applied;
    QueueItem last = items.get(items.size() - 1);
    executor.execute(BackgroundTask.of("load more", c -> ws.predictions().queue(f, last, pageSize)).quiet()
        .onSuccess(page -> {
          if (gen == generation) {
            morePages = page.size() == pageSize;
            items.addAll(page);
          }
        }).onFailure(onError::accept));
  }

  /** Counts the applied query again (after a save) and hands the counts to {@code onCounts}. */
  void refreshCounts(Consumer<QueueCounts> onCounts) {
    Workspace ws = workspace;
    QueueFilter f = applied;
    if (ws == null || f == null) {
      return;
    }
    executor.execute(BackgroundTask.of("count queue", c -> ws.predictions().queueCounts(f)).quiet()
        .onSuccess(onCounts::accept).onFailure(onError::accept));
  }

  /** The query the rows came from (null before the first load). */
  QueueFilter filter() {
    return applied;
  }

  /** Position of the sample in the loaded rows, or -1. */
  int indexOf(long sampleId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).sample().id() == sampleId) {
        return i;
      }
    }
    return -1;
  }

  /** The loaded rows; a saved or re-read row is replaced in place (it keeps its position). */
  ObservableList<QueueItem> items() {
    return items;
  }
}
