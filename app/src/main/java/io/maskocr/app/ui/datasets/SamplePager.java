package io.maskocr.app.ui.datasets;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Random access to a large, paged result (the samples of a dataset) without loading it:
 * {@link #at(int)} answers from a small LRU of pages or returns null and loads that page in
 * the background. When a page arrives {@link #versionProperty()} is bumped and the grid
 * re-asks. A {@link #reset} (new dataset, new search) makes late pages of the old query be
 * dropped, so a slow query can never paint stale items.
 *
 * <p>Used on the UI thread only (the loading itself runs on the executor).
 *
 * @param <T> item type
 */
public final class SamplePager<T> {
  /** Loads {@code limit} items from {@code offset}; runs off the UI thread. */
  @FunctionalInterface
  public interface PageLoader<T> {
    List<T> load(long offset, int limit) throws Exception;
  }

  private final TaskExecutor executor;
  private final int pageSize;
  private final Map<Integer, List<T>> pages;
  private final Set<Integer> loading = new HashSet<>();
  /** Pages of the previous result, shown until their fresh copy arrives (no flicker). */
  private Map<Integer, List<T>> stale = new HashMap<>();
  private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
  private final ReadOnlyLongWrapper newResults = new ReadOnlyLongWrapper(this, "newResults");
  private PageLoader<T> loader;
  private int size;
  private long generation;
  private int loads;

  /**
   * @param executor runs page loads
   * @param pageSize items per page (one query each)
   * @param maxPages pages kept in memory (LRU)
   */
  public SamplePager(TaskExecutor executor, int pageSize, int maxPages) {
    this.executor = executor;
    this.pageSize = pageSize;
    this.pages = new LinkedHashMap<>(maxPages * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
        return size() > maxPages;
      }
    };
  }

  /** Switches to a new result of {@code size} items; forgets every page. */
  public void reset(PageLoader<T> newLoader, int newSize) {
    reset(newLoader, newSize, false);
  }

  /**
   * Switches to a new result. With {@code keepShowing} (the same query re-run after an edit)
   * the old pages stay visible until each page's fresh copy has loaded.
   */
  public void reset(PageLoader<T> newLoader, int newSize, boolean keepShowing) {
    // A re-run whose size changed (items left a filtered result) shifts every index.
    boolean sameResult = keepShowing && newSize == size;
    generation++;
    stale = keepShowing ? new HashMap<>(pages) : new HashMap<>();
    loader = newLoader;
    size = newSize;
    pages.clear();
    loading.clear();
    version.set(version.get() + 1);
    if (!sameResult) {
      newResults.set(newResults.get() + 1);
    }
  }

  public int size() {
    return size;
  }

  /** The item at {@code index}, or null while its page loads (the load starts now). */
  public T at(int index) {
    if (index < 0 || index >= size || loader == null) {
      return null;
    }
    int page = index / pageSize;
    List<T> items = pages.get(page);
    int offset = index - page * pageSize;
    if (items == null) {
      load(page);
      List<T> old = stale.get(page);
      return old != null && offset < old.size() ? old.get(offset) : null;
    }
    return offset < items.size() ? items.get(offset) : null;
  }

  /** The item at {@code index} only if its page is in memory; never starts a load. */
  public T peek(int index) {
    List<T> items = pages.get(index / pageSize);
    int offset = index % pageSize;
    return items != null && offset < items.size() ? items.get(offset) : null;
  }

  private void load(int page) {
    if (!loading.add(page)) {
      return;
    }
    long gen = generation;
    PageLoader<T> l = loader;
    loads++;
    executor.execute(BackgroundTask.of("Loading samples",
            ctx -> l.load((long) page * pageSize, pageSize))
        .quiet()
        .onSuccess(items -> {
          if (gen == generation) {
            loading.remove(page);
            stale.remove(page);
            pages.put(page, items);
            version.set(version.get() + 1);
          }
        })
        .onFailure(e -> {
          if (gen == generation) {
            loading.remove(page); // retried the next time a cell asks
          }
        }));
  }

  /** Changes every time pages arrive or the result is reset. */
  public ReadOnlyLongProperty versionProperty() {
    return version.getReadOnlyProperty();
  }

  /**
   * Changes when a different result replaces the current one (not when the same query is
   * re-run with the same size): index-based state such as a selection no longer applies.
   */
  public ReadOnlyLongProperty newResultsProperty() {
    return newResults.getReadOnlyProperty();
  }

  public int pageSize() {
    return pageSize;
  }

  /** How many page loads were started (for tests: paging must stay lazy). */
  public int loadCount() {
    return loads;
  }
}
