package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.engine.annotate.LabelConflict;
import io.maskocr.engine.annotate.LabelEdit;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelComparison;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.QueueCounts;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.SaveResult;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Annotate section: the item being worked on, and the keyboard actions on it. It
 * composes the parts that do the work: {@link QueueSource} (dataset and checkpoint choice),
 * {@link QueuePager} (the queue's pages), {@link ItemLoader} (an item's image, history and
 * attention), {@link LabelEditor} (committing label changes) and {@link ModelActions} (predict,
 * fine-tune, export). Every database, disk and model call runs on the executor;
 * properties change on the UI thread only. A save is committed before the view moves on;
 * actions arriving while one is in flight are refused (the status says why) rather than
 * applied to the wrong item.
 */
public final class AnnotateViewModel {
  private final StudioContext context;
  private final QueueSource source;
  private final QueueFilters filters = new QueueFilters();
  private final QueuePager queue;
  private final ObservableList<QueueItem> items;
  private final ReadOnlyObjectWrapper<QueueItem> current = new ReadOnlyObjectWrapper<>(this, "current");
  private final IntegerProperty index = new SimpleIntegerProperty(this, "index", -1);
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyStringWrapper offeredReading = new ReadOnlyStringWrapper(this, "offeredReading");
  private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
  private final ObservableList<LabelEntry> history = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<SaveResult> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
  private final ReadOnlyObjectWrapper<AttentionInspection> attention = new ReadOnlyObjectWrapper<>(this, "attention");
  private final BooleanProperty attentionVisible = new SimpleBooleanProperty(this, "attentionVisible");
  private final IntegerProperty selectedChar = new SimpleIntegerProperty(this, "selectedChar");
  private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
  private final ReadOnlyStringWrapper agreement = new ReadOnlyStringWrapper(this, "agreement", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper exhausted = new ReadOnlyBooleanWrapper(this, "exhausted");
  private final ItemLoader loader;
  private final ItemLeases leases;
  private final LabelEditor editor;
  private final ModelActions actions;

  /**
   * @param annotatorFile where the annotator's name is kept ({@link AnnotatorSettings#defaultFile()})
   */
  public AnnotateViewModel(StudioContext context, Path annotatorFile) {
    this.context = context;
    this.source = new QueueSource(context, this::fail, this::reloadQueue);
    this.queue = new QueuePager(context.executor(), QueuePager.PAGE, this::fail);
    this.items = queue.items();
    this.loader = new ItemLoader(context.executor(), this::fail);
    this.leases = new ItemLeases(context.executor(), this::fail);
    this.editor = new LabelEditor(context, annotatorFile);
    this.actions = new ModelActions(context, source.datasetProperty(), source.checkpointProperty(),
        source::reloadCheckpoints);
    // the jobs' reports share the section's status line
    actions.messageProperty().addListener((o, a, b) -> {
      if (!b.isEmpty()) {
        message.set(b);
      }
    });
    context.workspaceProperty().addListener((o, a, b) -> {
      editor.endSession();
      loader.release();
      leases.forget();
      reloadDatasets(null);
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
    source.reloadDatasets(select);
  }

  /** How the checkpoint {@code key} is shown: {@code run@step}, the bundled starter as {@code starter@step}. */
  public String checkpointLabel(String key) {
    return source.label(key);
  }

  /**
   * Lists the checkpoints: those with predictions for the dataset first (newest prediction
   * first), then the other checkpoints on disk; selects {@code select} or the first.
   */
  public void reloadCheckpoints(String select) {
    source.reloadCheckpoints(select);
  }

  /** Runs the queue query for the current dataset, checkpoint and filters from the top. */
  public void reloadQueue() {
    Workspace ws = context.workspace();
    Dataset d = source.datasetProperty().get();
    String ck = source.checkpointProperty().get();
    if (ws == null || d == null || ck == null) {
      queue.clear();
      show(-1);
      counts.set(ws == null ? "" : d == null ? "No dataset." : "No checkpoint: train a model first (maskocr train); the bundled starter model is missing.");
      return;
    }
    String annotator = editor.annotatorProperty().get();
    if (filters.reviewProperty().get() && (annotator == null || annotator.isBlank())) {
      queue.clear();
      display(-1);
      counts.set("Set your annotator name first: the review queue holds teammates' labels, not yours.");
      return;
    }
    queue.load(ws, () -> filters.toFilter(d.id(), ck, comparison(ws, ck), annotator), c -> {
      showCounts(c);
      loadAgreement(ws, d);
      if (c.total() == 0) {
        message.set("Checkpoint " + ck + " has not predicted this dataset yet: press Predict.");
      }
      show(items.isEmpty() ? -1 : 0);
    });
  }

  /** Per annotator, how often reviewers kept their labels (empty until someone reviewed). */
  private void loadAgreement(Workspace ws, Dataset d) {
    context.executor().execute(io.maskocr.app.ui.task.BackgroundTask.of("agreement", c -> ws.reviews().agreement(d.id()))
        .quiet().onSuccess(list -> agreement.set(list.isEmpty() ? "" : "Reviewers kept: " + list.stream()
            .map(a -> String.format("%s %d of %d (%.0f%%)", a.author(), a.kept(), a.reviewed(), 100 * a.rate()))
            .collect(java.util.stream.Collectors.joining(" · "))))
        .onFailure(this::fail));
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

  /**
   * Shows queue row {@code i} (-1 = none). On a team workspace the row is leased first, and a
   * row a teammate holds is passed over for the next free one ({@link ItemLeases}).
   */
  public void show(int i) {
    Workspace ws = context.workspace();
    if (ws == null || !ws.isTeam() || i < 0 || items.isEmpty() || queue.filter() == null) {
      display(i);
      return;
    }
    int from = Math.min(i, items.size() - 1);
    List<Long> ids = items.subList(from, Math.min(items.size(), from + QueuePager.PAGE)).stream()
        .map(q -> q.sample().id()).toList();
    leases.claim(ws, queue.filter(), editor.annotatorProperty().get(), ids, claim -> {
      int at = claim.index() < 0 ? -1 : queue.indexOf(ids.get(claim.index()));
      if (claim.index() >= 0 && at < 0) {
        return; // the queue was loaded again meanwhile; its own show follows
      }
      if (at >= 0) {
        items.set(at, claim.item()); // as it is now: a teammate may have labelled it since the page was read
      }
      display(at);
      if (at < 0) {
        message.set("Every item left in this queue is being labelled by a teammate.");
      } else if (claim.passedOver() > 0) {
        message.set(claim.passedOver() + (claim.passedOver() == 1 ? " item" : " items")
            + " passed over: a teammate is labelling " + (claim.passedOver() == 1 ? "it." : "them."));
      }
    });
  }

  /** Shows queue row {@code i} (-1 = none): its prediction at once, image and history when loaded. */
  private void display(int i) {
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
        editor.shown(d.sampleId(), d.history());
        if (d.problem() != null) {
          message.set(d.problem());
        }
      }
    });
  }

  private void loadAttention() {
    Workspace ws = context.workspace();
    QueueItem item = current.get();
    String ck = source.checkpointProperty().get();
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
    if (item == null || !editor.ready(message::set)) {
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
    if (item == null || !editor.ready(message::set)) {
      return;
    }
    runEdit("mark illegible", session -> {
      session.markIllegible(item.sample().id());
      return item.sample().id();
    }, true);
  }

  /** Makes an earlier history entry of the current item its label again. */
  public void restore(LabelEntry entry) {
    if (entry == null || current.get() == null || !editor.ready(message::set)) {
      return;
    }
    runEdit("restore label", session -> {
      session.restore(entry);
      return entry.sampleId();
    }, false);
  }

  /** Ctrl+Z: takes back the last change of the session, on whichever item it was, and shows it. */
  public void undo() {
    if (!editor.ready(message::set)) {
      return;
    }
    runEdit("undo", session -> session.undo().map(LabelEdit::sampleId).orElse(-1L), false);
  }

  /** Ctrl+Shift+Z: applies the last undone change again. */
  public void redo() {
    if (!editor.ready(message::set)) {
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
    if (editor.busyProperty().get()) {
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
    if (!editor.busyProperty().get() && index.get() > 0) {
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
    editor.saveAnnotator(n -> message.set(n.isEmpty() ? "" : "Labels are recorded as " + n + "."), this::fail);
  }

  // ---- edits --------------------------------------------------------------------------

  /**
   * Runs a label change; when it is committed, refreshes the changed item (and goes to it, or
   * past it when {@code advance}).
   */
  private void runEdit(String title, LabelEditor.Edit edit, boolean advance) {
    editor.run(title, edit, ch -> {
      if (ch.sampleId() < 0) {
        message.set("Nothing to " + title + ".");
        return;
      }
      int i = queue.indexOf(ch.sampleId());
      if (i >= 0 && ch.sample() != null) {
        items.set(i, new QueueItem(ch.sample(), items.get(i).prediction()));
      }
      message.set("");
      queue.refreshCounts(this::showCounts);
      if (advance) {
        if (i + 1 < items.size()) {
          show(i + 1);
        } else {
          display(i); // stays on the item just saved (on a team workspace, still ours)
          exhausted.set(true);
          message.set("Saved. End of the queue.");
        }
      } else if (i >= 0) {
        display(i);
      } else {
        message.set("That change was on sample " + ch.sampleId() + ", which is not in the current queue.");
      }
    }, this::fail, message::set);
  }

  private void fail(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LabelConflict c) {
        conflict.set(c.result());
        message.set(c.getMessage());
        return;
      }
    }
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    message.set(m);
  }

  // ---- a teammate saved first (team workspaces) -------------------------------------

  /** Set when a save found a teammate's newer label; the view offers {@link #keepTheirs} or {@link #saveMineOnTop}. */
  public ReadOnlyObjectProperty<SaveResult> conflictProperty() {
    return conflict.getReadOnlyProperty();
  }

  /** Leaves the teammate's label current (yours stays in the history) and shows the item with it. */
  public void keepTheirs() {
    SaveResult c = conflict.get();
    if (c == null || !editor.ready(message::set)) {
      return;
    }
    conflict.set(null);
    runEdit("keep their label", session -> {
      session.shown(c.theirs().sampleId(), c.theirs().id());
      return c.theirs().sampleId();
    }, false);
  }

  /** Saves your label again on top of the teammate's, then moves on. */
  public void saveMineOnTop() {
    SaveResult c = conflict.get();
    QueueItem item = current.get();
    if (c == null || !editor.ready(message::set)) {
      return;
    }
    conflict.set(null);
    String predicted = item == null ? "" : item.prediction().text();
    runEdit("save on top", session -> {
      session.saveOnTop(c, predicted);
      return c.yours().sampleId();
    }, true);
  }

  /** Frees the cached model (the section is closing or the workspace changes). */
  public void close() {
    loader.close();
  }

  // ---- properties ---------------------------------------------------------------------

  public ObservableList<Dataset> datasets() {
    return source.datasets();
  }

  public ObjectProperty<Dataset> datasetProperty() {
    return source.datasetProperty();
  }

  public ObservableList<String> checkpoints() {
    return source.checkpoints();
  }

  public ObjectProperty<String> checkpointProperty() {
    return source.checkpointProperty();
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
    return editor.annotatorProperty();
  }

  public ReadOnlyStringProperty countsProperty() {
    return counts.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statsProperty() {
    return editor.statsProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Predict, fine-tune and export for the chosen dataset and checkpoint. */
  public ModelActions actions() {
    return actions;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return editor.busyProperty();
  }

  /** Agreement per annotator on the dataset: how many of their labels reviewers kept. */
  public ReadOnlyStringProperty agreementProperty() {
    return agreement.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty exhaustedProperty() {
    return exhausted.getReadOnlyProperty();
  }
}
