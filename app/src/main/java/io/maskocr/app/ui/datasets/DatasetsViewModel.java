package io.maskocr.app.ui.datasets;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.Cancellable;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Datasets section: the datasets with counts, the selected one, the label search
 * (debounced), an optional split filter, and the samples of the current query as a lazily
 * paged list. All database work runs on the executor; every property changes on the UI
 * thread. Tested without a Stage, with a same-thread executor and a real temp workspace.
 */
public final class DatasetsViewModel {
  /** How long typing must pause before the search runs. */
  public static final Duration SEARCH_DELAY = Duration.ofMillis(250);
  /** Samples per page query; a grid screen shows ~60, so one page covers a few screens. */
  public static final int PAGE_SIZE = 200;

  private final StudioContext context;
  private final TaskExecutor executor;
  private final ObservableList<DatasetItem> datasets = FXCollections.observableArrayList();
  private final ObjectProperty<DatasetItem> selected = new SimpleObjectProperty<>(this, "selected");
  private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
  private final ObjectProperty<Split> splitFilter = new SimpleObjectProperty<>(this, "splitFilter");
  private final ReadOnlyIntegerWrapper sampleCount = new ReadOnlyIntegerWrapper(this, "sampleCount");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final SamplePager<Sample> samples;
  private String appliedSearch = "";
  private Cancellable pendingSearch = Cancellable.NONE;
  private long queryGeneration;

  public DatasetsViewModel(StudioContext context) {
    this.context = context;
    this.executor = context.executor();
    this.samples = new SamplePager<>(executor, PAGE_SIZE, 64);
    context.workspaceProperty().addListener((obs, old, ws) -> {
      datasets.clear();
      selected.set(null);
      reloadDatasets(null);
    });
    selected.addListener((obs, old, now) -> {
      if (old == null || now == null || old.id() != now.id()) {
        runQuery();
      }
    });
    splitFilter.addListener((obs, old, now) -> runQuery());
    searchText.addListener((obs, old, now) -> {
      pendingSearch.cancel();
      pendingSearch = executor.schedule(SEARCH_DELAY, this::applySearch);
    });
    if (context.workspace() != null) {
      reloadDatasets(null);
    }
  }

  /** Runs the search now (Enter in the search field) instead of after the pause. */
  public void applySearch() {
    pendingSearch.cancel();
    String text = searchText.get() == null ? "" : searchText.get().strip();
    if (!text.equals(appliedSearch)) {
      appliedSearch = text;
      runQuery();
    }
  }

  /**
   * Reloads the dataset list and counts; then selects {@code selectName} (after an import),
   * else keeps the current selection, else selects the first dataset.
   */
  public void reloadDatasets(String selectName) {
    Workspace ws = context.workspace();
    if (ws == null) {
      return;
    }
    executor.execute(BackgroundTask.of("Loading datasets", ctx -> {
      List<DatasetItem> items = new ArrayList<>();
      for (Dataset d : ws.datasets().list()) {
        items.add(new DatasetItem(d, ws.datasets().stats(d.id())));
      }
      return items;
    }).quiet().onSuccess(items -> {
      if (ws != context.workspace()) {
        return; // the workspace changed while we were reading the old one
      }
      DatasetItem previous = selected.get();
      datasets.setAll(items);
      String wanted = selectName != null ? selectName : previous == null ? null : previous.name();
      DatasetItem pick = items.stream().filter(i -> i.name().equals(wanted)).findFirst()
          .orElse(items.isEmpty() ? null : items.get(0));
      if (pick != null && previous != null && pick.id() == previous.id()) {
        selected.set(pick); // same dataset, fresh counts: re-query for changed samples
        runQuery(true);
      } else {
        selected.set(pick);
      }
      if (pick == null) {
        runQuery();
      }
    }).onFailure(e -> {
      if (ws == context.workspace()) { // a closed old workspace is not worth an error
        error.set("Cannot read datasets: " + e.getMessage());
      }
    }));
  }

  /** The query for the current dataset, search and split filter (null without a dataset). */
  SampleQuery currentQuery() {
    DatasetItem d = selected.get();
    if (d == null) {
      return null;
    }
    return SampleQuery.of(d.id(), PAGE_SIZE).withLabelSearch(appliedSearch)
        .withSplit(splitFilter.get());
  }

  private void runQuery() {
    runQuery(false);
  }

  /** @param sameQuery the query is unchanged (data edited): keep showing old pages meanwhile */
  private void runQuery(boolean sameQuery) {
    Workspace ws = context.workspace();
    SampleQuery query = currentQuery();
    long gen = ++queryGeneration;
    if (ws == null || query == null) {
      samples.reset(null, 0);
      sampleCount.set(0);
      updateSummary();
      return;
    }
    executor.execute(BackgroundTask.of("Counting samples", ctx -> ws.samples().count(query))
        .quiet()
        .onSuccess(count -> {
          if (gen != queryGeneration) {
            return;
          }
          int n = (int) Math.min(Integer.MAX_VALUE, count);
          samples.reset((offset, limit) -> withCachedImages(ws, ws.samples().page(
              new SampleQuery(query.datasetId(), query.labelSearch(), query.split(), 0, offset,
                  limit))), n, sameQuery);
          sampleCount.set(n);
          updateSummary();
        })
        .onFailure(e -> {
          if (gen == queryGeneration && ws == context.workspace()) {
            error.set("Cannot read samples: " + e.getMessage());
          }
        }));
  }

  private void updateSummary() {
    DatasetItem d = selected.get();
    if (d == null) {
      summary.set(datasets.isEmpty() ? "No datasets yet" : "");
      return;
    }
    String filter = appliedSearch.isEmpty() ? "" : " matching \"" + appliedSearch + "\"";
    String split = splitFilter.get() == null ? "" : " in " + splitFilter.get().code();
    summary.set(DatasetItem.format(sampleCount.get()) + " samples" + filter + split);
  }

  /**
   * Moves the samples at the given grid indices to {@code split}, in the background; pages of
   * indices not in memory are read from the store first. When {@code allSelected} is true the
   * whole current query is updated in one statement instead.
   */
  public void assignSplit(int[] indices, boolean allSelected, Split split) {
    Workspace ws = context.workspace();
    SampleQuery query = currentQuery();
    if (ws == null || query == null || indices.length == 0) {
      return;
    }
    List<Long> known = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int index : indices) {
      Sample s = samples.peek(index);
      if (s != null) {
        known.add(s.id());
      } else {
        missing.add(index);
      }
    }
    executor.execute(BackgroundTask.of("Assigning split " + split.code(), ctx -> {
      if (allSelected) {
        return ws.samples().setSplit(query, split);
      }
      List<Long> ids = new ArrayList<>(known);
      ids.addAll(resolveIds(ws, query, missing));
      ctx.message(ids.size() + " samples");
      return ws.samples().setSplit(ids, split);
    }).onSuccess(changed -> reloadDatasets(null))
        .onFailure(e -> error.set("Cannot assign split: " + e.getMessage())));
  }

  /** Reads the ids of samples by index, one page query per page touched. */
  private static List<Long> resolveIds(Workspace ws, SampleQuery query, List<Integer> indices) {
    List<Long> ids = new ArrayList<>(indices.size());
    int page = -1;
    List<Sample> items = List.of();
    for (int index : indices) {
      int p = index / PAGE_SIZE;
      if (p != page) {
        page = p;
        items = ws.samples().page(query.withOffset((long) p * PAGE_SIZE));
      }
      int offset = index - p * PAGE_SIZE;
      if (offset < items.size()) {
        ids.add(items.get(offset).id());
      }
    }
    return ids;
  }

  public ObservableList<DatasetItem> datasets() {
    return datasets;
  }

  public ObjectProperty<DatasetItem> selectedProperty() {
    return selected;
  }

  public StringProperty searchTextProperty() {
    return searchText;
  }

  /** Only samples of this split; null = all. */
  public ObjectProperty<Split> splitFilterProperty() {
    return splitFilter;
  }

  /** Samples matching the current dataset, search and filter. */
  public ReadOnlyIntegerProperty sampleCountProperty() {
    return sampleCount.getReadOnlyProperty();
  }

  /** One line describing what the grid shows. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The last error to show, or null. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void clearError() {
    error.set(null);
  }

  /** The samples of the current query, paged lazily (the grid's source). */
  public SamplePager<Sample> samples() {
    return samples;
  }

  /**
   * In a team workspace the images live in the database: a page's images are copied into the
   * local cache as the page is read (in the background), so the grid's thumbnails stay file reads.
   */
  private static java.util.List<Sample> withCachedImages(Workspace ws, java.util.List<Sample> page) {
    if (ws.isTeam()) {
      for (Sample s : page) {
        try {
          ws.images().local(s);
        } catch (java.io.IOException e) {
          // a missing image shows as a missing thumbnail, as on a solo workspace
        }
      }
    }
    return page;
  }

  /** Where a sample's image file is (for the thumbnail decoder). */
  public java.nio.file.Path imagePath(Sample sample) {
    Workspace ws = context.workspace();
    return ws == null ? null : ws.images().path(sample);
  }
}
