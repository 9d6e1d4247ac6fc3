package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.shell.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.annotate.AnnotationSession;
import io.maskocr.engine.annotate.LabelEdit;
import io.maskocr.engine.annotate.SessionStats;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelComparison;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.QueueCounts;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Annotate section: the dataset and checkpoint chosen, the item being worked on,
 * and the keyboard actions on it. The queue's paging is {@link QueuePager}'s, loading an item's
 * image, history and attention is {@link ItemLoader}'s, and the long jobs (predict, fine-tune,
 * export) are {@link ModelActions}'. Every database, disk and model call runs on the executor;
 * properties change on the UI thread only. A save is committed before the view moves on;
 * actions arriving while one is in flight are refused (the status says why) rather than
 * applied to the wrong item.
 */
public final class AnnotateViewModel {
  private final StudioContext context;
  private final TaskExecutor executor;
  private final Path annotatorFile;
  private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
  private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
  private final ObservableList<String> checkpoints = FXCollections.observableArrayList();
  /** Run name of each listed checkpoint key (so the starter shows as "starter"). */
  private final java.util.Map<String, String> checkpointRuns = new java.util.concurrent.ConcurrentHashMap<>();
  private final ObjectProperty<String> checkpoint = new SimpleObjectProperty<>(this, "checkpoint");
  private final QueueFilters filters = new QueueFilters();
  private final QueuePager queue;
  private final ObservableList<QueueItem> items;
  private final ReadOnlyObjectWrapper<QueueItem> current = new ReadOnlyObjectWrapper<>(this, "current");
  private final IntegerProperty index = new SimpleIntegerProperty(this, "index", -1);
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyStringWrapper offeredReading = new ReadOnlyStringWrapper(this, "offeredReading");
  private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
  private final ObservableList<LabelEntry> history = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<AttentionInspection> attention = new ReadOnlyObjectWrapper<>(this, "attention");
  private final BooleanProperty attentionVisible = new SimpleBooleanProperty(this, "attentionVisible");
  private final IntegerProperty selectedChar = new SimpleIntegerProperty(this, "selectedChar");
  private final StringProperty annotator = new SimpleStringProperty(this, "annotator", "");
  private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
  private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper(this, "stats", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper exhausted = new ReadOnlyBooleanWrapper(this, "exhausted");
  private final ItemLoader loader;
  private final ModelActions actions;
  /** True while the checkpoint list is replaced: the combo box clears its value meanwhile. */
  private boolean listingCheckpoints;
  private AnnotationSession session;

  /**
   * @param annotatorFile where the annotator's name is kept ({@link AnnotatorSettings#defaultFile()})
   */
  public AnnotateViewModel(StudioContext context, Path annotatorFile) {
    this.context = context;
    this.executor = context.executor();
    this.annotatorFile = annotatorFile;
    this.queue = new QueuePager(executor, QueuePager.PAGE, this::fail);
    this.items = queue.items();
    this.loader = new ItemLoader(executor, this::fail);
    this.actions = new ModelActions(context, dataset, checkpoint, this::reloadCheckpoints);
    // the jobs' reports share the section's status line
    actions.messageProperty().addListener((o, a, b) -> {
      if (!b.isEmpty()) {
        message.set(b);
      }
    });
    annotator.set(AnnotatorSettings.load(annotatorFile).name());
    context.workspaceProperty().addListener((o, a, b) -> {
      session = null;
      loader.release();
      reloadDatasets(null);
    });
    dataset.addListener((o, a, b) -> reloadCheckpoints(null));
    checkpoint.addListener((o, a, b) -> {
      if (!listingCheckpoints) {
        reloadQueue(); // not for the passing null: the queue would flash "No checkpoint"
      }
    });
    for (javafx.beans.Observable f : filters.all()) {
      f.addListener(x -> reloadQueue());
    }
    attentionVisible.addListener((o, a, on) -> {
      if (on && attention.get() == null) {
        loadAttention();
      }
    });
    if (context.workspace() != null) {
      reloadDatasets(null);
    }
  }

  // ---- loading ------------------------------------------------------------------------

  /** Reloads the dataset list, then selects {@code select} (by name) or keeps the selection. */
  public void reloadDatasets(String select) {
    Workspace ws = context.workspace();
    if (ws == null) {
      datasets.clear();
      return;
    }
    executor.execute(BackgroundTask.of("load datasets", c -> ws.datasets().list()).quiet()
        .onSuccess(list -> {
          String keep = select != null ? select : dataset.get() == null ? null : dataset.get().name();
          datasets.setAll(list);
          dataset.set(list.stream().filter(d -> d.name().equals(keep)).findFirst()
              .orElse(list.isEmpty() ? null : list.get(0)));
        })
        .onFailure(this::fail));
  }

  /** How the checkpoint {@code key} is shown: {@code run@step}, the bundled starter as {@code starter@step}. */
  public String checkpointLabel(String key) {
    if (key == null) {
      return "";
    }
    return io.maskocr.engine.train.StarterRun.TAG.equals(checkpointRuns.get(key))
        ? io.maskocr.engine.train.StarterRun.TAG + key.substring(key.indexOf('@')) : key;
  }

  /**
   * Lists the checkpoints: those with predictions for the dataset first (newest prediction
   * first), then the other checkpoints on disk; selects {@code select} or the first.
   */
  public void reloadCheckpoints(String select) {
    Workspace ws = context.workspace();
    Dataset d = dataset.get();
    if (ws == null || d == null) {
      checkpoints.clear();
      checkpoint.set(null);
      return;
    }
    executor.execute(BackgroundTask.of("load checkpoints", c -> {
      Set<String> keys = new LinkedHashSet<>(ws.predictions().checkpoints(d.id()));
      // a fresh workspace predicts with the bundled starter model before any training
      (keys.isEmpty() ? WorkspaceCheckpoints.listOrStarter(ws) : WorkspaceCheckpoints.list(ws))
          .forEach(r -> keys.add(r.key()));
      for (io.maskocr.engine.store.RunRecord run : ws.runs().list()) {
        for (String k : keys) {
          if (k.startsWith(run.id() + "@")) {
            checkpointRuns.put(k, run.name());
          }
        }
      }
      return List.copyOf(keys);
    }).quiet().onSuccess(keys -> {
      String keep = select != null ? select : checkpoint.get();
      listingCheckpoints = true;
      try {
        checkpoints.setAll(keys);
      } finally {
        listingCheckpoints = false;
      }
      String chosen = keep != null && keys.contains(keep) ? keep : keys.isEmpty() ? null : keys.get(0);
      String shown = checkpoint.get();
      checkpoint.set(chosen);
      if (java.util.Objects.equals(shown, chosen)) {
        reloadQueue(); // the listener did not fire
      }
    }).onFailure(this::fail));
  }

  /** Runs the queue query for the current dataset, checkpoint and filters from the top. */
  public void reloadQueue() {
    Workspace ws = context.workspace();
    Dataset d = dataset.get();
    String ck = checkpoint.get();
    if (ws == null || d == null || ck == null) {
      queue.clear();
      show(-1);
      counts.set(ws == null ? "" : d == null ? "No dataset." : "No checkpoint: train a model first (maskocr train); the bundled starter model is missing.");
      return;
    }
    queue.load(ws, () -> filters.toFilter(d.id(), ck, comparison(ws, ck)), c -> {
      showCounts(c);
      if (c.total() == 0) {
        message.set("Checkpoint " + ck + " has not predicted this dataset yet: press Predict.");
      }
      show(items.isEmpty() ? -1 : 0);
    });
  }

  /** Compares under the checkpoint's charset; exactly when its folder is gone. */
  private static LabelComparison comparison(Workspace ws, String key) {
    try {
      CheckpointInfo info = Checkpoints.readInfo(WorkspaceCheckpoints.require(ws, key).directory());
      return new LabelComparison(info.charsetSymbols(), info.charsetCaseFolding());
    } catch (IllegalArgumentException gone) {
      return LabelComparison.EXACT;
    }
  }

  private void showCounts(QueueCounts c) {
    counts.set(String.format("%d in queue · %d total · %d labelled · %d unlabelled · %d reviewed · %d illegible"
        + " · %d disagree · %d remaining to review", c.matching(), c.total(), c.labelled(), c.unlabelled(),
        c.reviewed(), c.illegible(), c.disagreeing(), c.unreviewed()));
  }

  // ---- the current item ---------------------------------------------------------------

  /** Shows queue row {@code i} (-1 = none): its prediction at once, image and history when loaded. */
  public void show(int i) {
    if (i >= items.size()) {
      i = items.size() - 1;
    }
    index.set(i);
    QueueItem item = i < 0 ? null : items.get(i);
    current.set(item);
    attention.set(null);
    history.clear();
    image.set(null);
    exhausted.set(false);
    if (item == null) {
      text.set("");
      offeredReading.set(null);
      return;
    }
    text.set(startText(item));
    offeredReading.set(offer(item));
    selectedChar.set(0);
    queue.showing(i);
    loadDetails(item);
    if (attentionVisible.get()) {
      loadAttention();
    }
  }

  private void loadDetails(QueueItem item) {
    loader.details(context.workspace(), item, d -> {
      if (current.get() != null && current.get().sample().id() == d.sampleId()) {
        image.set(d.image());
        history.setAll(d.history());
        if (d.problem() != null) {
          message.set(d.problem());
        }
      }
    });
  }

  private void loadAttention() {
    Workspace ws = context.workspace();
    QueueItem item = current.get();
    String ck = checkpoint.get();
    if (ws == null || item == null || ck == null) {
      return;
    }
    loader.attention(ws, item, ck, a -> {
      if (current.get() == item) {
        attention.set(a);
      }
    });
  }

  // ---- actions ------------------------------------------------------------------------

  /** Enter: saves the text as the label (committed before moving on) and shows the next item. */
  public void save() {
    QueueItem item = current.get();
    String value = text.get() == null ? "" : text.get();
    if (item == null || !ready()) {
      return;
    }
    runEdit("save label", session -> {
      session.save(item.sample().id(), value, item.prediction().text());
      return item.sample().id();
    }, true);
  }

  /** Marks the current image illegible and moves on. */
  public void markIllegible() {
    QueueItem item = current.get();
    if (item == null || !ready()) {
      return;
    }
    runEdit("mark illegible", session -> {
      session.markIllegible(item.sample().id());
      return item.sample().id();
    }, true);
  }

  /** Makes an earlier history entry of the current item its label again. */
  public void restore(LabelEntry entry) {
    if (entry == null || current.get() == null || !ready()) {
      return;
    }
    runEdit("restore label", session -> {
      session.restore(entry);
      return entry.sampleId();
    }, false);
  }

  /** Ctrl+Z: takes back the last change of the session, on whichever item it was, and shows it. */
  public void undo() {
    if (!ready()) {
      return;
    }
    runEdit("undo", session -> session.undo().map(LabelEdit::sampleId).orElse(-1L), false);
  }

  /** Ctrl+Shift+Z: applies the last undone change again. */
  public void redo() {
    if (!ready()) {
      return;
    }
    runEdit("redo", session -> session.redo().map(LabelEdit::sampleId).orElse(-1L), false);
  }

  /** Esc: leaves the item as it is and shows the next. */
  public void skip() {
    next();
  }

  /** Alt+Right. */
  public void next() {
    if (busy.get()) {
      return;
    }
    if (index.get() + 1 < items.size()) {
      show(index.get() + 1);
    } else {
      exhausted.set(true);
      message.set("End of the queue: change the filters, predict more data, or fine-tune.");
    }
  }

  /** Alt+Left. */
  public void previous() {
    if (!busy.get() && index.get() > 0) {
      show(index.get() - 1);
    }
  }

  /** Ctrl+R: reads the current image again with the workspace's newest checkpoint. */
  public void rerecognize() {
    Workspace ws = context.workspace();
    QueueItem item = current.get();
    if (ws == null || item == null) {
      return;
    }
    loader.reread(ws, item, r -> {
      int i = items.indexOf(item);
      if (i < 0 || current.get() != item) {
        return;
      }
      QueueItem updated = new QueueItem(item.sample(), r.prediction());
      boolean untouched = text.get().equals(startText(item));
      items.set(i, updated);
      current.set(updated);
      attention.set(r.attention());
      offeredReading.set(offer(updated));
      if (untouched) {
        text.set(startText(updated));
      }
      message.set(String.format("Re-read with %s: \"%s\" (confidence %.3f)", r.prediction().checkpoint(),
          r.prediction().text(), r.prediction().confidence()));
    });
  }

  /**
   * Ctrl+M: puts the model's reading offered beside a labelled item into the text field
   * (Enter then saves it); pressed again, puts the current label back. Does nothing when no
   * reading is offered.
   */
  public void takeModelReading() {
    String reading = offeredReading.get();
    QueueItem item = current.get();
    if (reading == null || item == null) {
      return;
    }
    if (reading.equals(text.get())) {
      text.set(startText(item));
      message.set("The current label is back in the field.");
    } else {
      text.set(reading);
      message.set("The model's reading is in the field: Enter saves it as the label; Ctrl+M again"
          + " puts the current label back.");
    }
  }

  /**
   * What the text field opens with: the current label when the item has one, so that a
   * mis-reading is never one Enter away from replacing a good label; the model's reading otherwise.
   */
  static String startText(QueueItem item) {
    String label = item.sample().label();
    return label != null ? label : item.prediction().text();
  }

  /** The model's reading to offer beside a labelled item (null when unlabelled or the same as the label). */
  static String offer(QueueItem item) {
    String label = item.sample().label();
    String read = item.prediction().text();
    return label == null || label.equals(read) ? null : read;
  }

  /** Saves the annotator's name (set once; recorded with every label from now on). */
  public void saveAnnotator() {
    String name = annotator.get() == null ? "" : annotator.get().strip();
    session = null;
    executor.execute(BackgroundTask.of("save annotator", c -> {
      new AnnotatorSettings(name).save(annotatorFile);
      return name;
    }).quiet().onSuccess(n -> message.set(n.isEmpty() ? "" : "Labels are recorded as " + n + "."))
        .onFailure(this::fail));
  }

  // ---- edits --------------------------------------------------------------------------

  @FunctionalInterface
  private interface Edit {
    long run(AnnotationSession session) throws Exception;
  }

  private boolean ready() {
    if (busy.get()) {
      message.set("Still saving the previous change…");
      return false;
    }
    if (annotator.get() == null || annotator.get().isBlank()) {
      message.set("Set your annotator name first (top right): it is recorded with every label.");
      return false;
    }
    return context.workspace() != null;
  }

  /**
   * Runs a label change off the UI thread; when it is committed, refreshes the changed item
   * (and goes to it, or past it when {@code advance}).
   */
  private void runEdit(String title, Edit edit, boolean advance) {
    Workspace ws = context.workspace();
    AnnotationSession session = session();
    busy.set(true);
    executor.execute(BackgroundTask.of(title, c -> {
      long id = edit.run(session);
      Optional<Sample> s = id < 0 ? Optional.empty() : ws.samples().get(id);
      return new Changed(id, s.orElse(null), session.stats());
    }).quiet().onSuccess(ch -> {
      busy.set(false);
      showStats(ch.stats);
      if (ch.sampleId < 0) {
        message.set("Nothing to " + title + ".");
        return;
      }
      int i = queue.indexOf(ch.sampleId);
      if (i >= 0 && ch.sample != null) {
        items.set(i, new QueueItem(ch.sample, items.get(i).prediction()));
      }
      message.set("");
      queue.refreshCounts(this::showCounts);
      if (advance) {
        if (i + 1 < items.size()) {
          show(i + 1);
        } else {
          show(i);
          exhausted.set(true);
          message.set("Saved. End of the queue.");
        }
      } else if (i >= 0) {
        show(i);
      } else {
        message.set("That change was on sample " + ch.sampleId + ", which is not in the current queue.");
      }
    }).onFailure(e -> {
      busy.set(false);
      fail(e);
    }));
  }

  private record Changed(long sampleId, Sample sample, SessionStats stats) {}

  /** The session of the open workspace and annotator; made on the UI thread, used by workers. */
  private AnnotationSession session() {
    String name = annotator.get().strip();
    if (session == null || !session.author().equals(name)) {
      session = new AnnotationSession(context.workspace(), name, System::currentTimeMillis);
    }
    return session;
  }

  private void showStats(SessionStats s) {
    stats.set(String.format("%.1f labels/min · %d corrected · %d accepted · %d illegible", s.labelsPerMinute(),
        s.corrected(), s.accepted(), s.illegible()));
  }

  private void fail(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    message.set(m);
  }

  /** Frees the cached model (the section is closing or the workspace changes). */
  public void close() {
    loader.close();
  }

  // ---- properties ---------------------------------------------------------------------

  public ObservableList<Dataset> datasets() {
    return datasets;
  }

  public ObjectProperty<Dataset> datasetProperty() {
    return dataset;
  }

  public ObservableList<String> checkpoints() {
    return checkpoints;
  }

  public ObjectProperty<String> checkpointProperty() {
    return checkpoint;
  }

  public QueueFilters filters() {
    return filters;
  }

  public ObservableList<QueueItem> items() {
    return items;
  }

  public ReadOnlyObjectProperty<QueueItem> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public IntegerProperty indexProperty() {
    return index;
  }

  public StringProperty textProperty() {
    return text;
  }

  /**
   * The model's reading shown beside the text of a labelled item, to take with Ctrl+M;
   * null when the item is unlabelled (the field already holds the reading) or they agree.
   */
  public ReadOnlyStringProperty offeredReadingProperty() {
    return offeredReading.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<BufferedImage> imageProperty() {
    return image.getReadOnlyProperty();
  }

  public ObservableList<LabelEntry> history() {
    return history;
  }

  public ReadOnlyObjectProperty<AttentionInspection> attentionProperty() {
    return attention.getReadOnlyProperty();
  }

  public BooleanProperty attentionVisibleProperty() {
    return attentionVisible;
  }

  public IntegerProperty selectedCharProperty() {
    return selectedChar;
  }

  public StringProperty annotatorProperty() {
    return annotator;
  }

  public ReadOnlyStringProperty countsProperty() {
    return counts.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statsProperty() {
    return stats.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Predict, fine-tune and export for the chosen dataset and checkpoint. */
  public ModelActions actions() {
    return actions;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty exhaustedProperty() {
    return exhausted.getReadOnlyProperty();
  }
}
