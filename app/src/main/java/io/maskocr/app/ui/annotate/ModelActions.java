package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskContext;
import io.maskocr.engine.annotate.FinetuneOutcome;
import io.maskocr.engine.annotate.FinetuneRequest;
import io.maskocr.engine.annotate.FinetuneRound;
import io.maskocr.engine.annotate.PredictionJob;
import io.maskocr.engine.annotate.PredictionSummary;
import io.maskocr.engine.annotate.PredictionTarget;
import io.maskocr.engine.external.WorkspaceReaders;
import io.maskocr.engine.infer.TextReader;
import io.maskocr.engine.io.ExportRequest;
import io.maskocr.engine.io.ExportSummary;
import io.maskocr.engine.io.Exporter;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The Annotate section's long jobs, each a visible background task with progress and cancel:
 * predict the dataset with the chosen checkpoint or external model, fine-tune on the corrections (the
 * active-learning round), export the labelled dataset. Reads the section's dataset and
 * checkpoint choice, reports in its own {@link #messageProperty()} and
 * {@link #finetuneResultProperty()}, and asks the section to list checkpoints again (selecting
 * the one to show) when a job made or filled one.
 */
public final class ModelActions {
  private final StudioContext context;
  private final ObservableValue<Dataset> dataset;
  private final ObservableValue<String> checkpoint;
  private final Consumer<String> showCheckpoint;
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper finetuneResult = new ReadOnlyStringWrapper(this, "finetuneResult", "");

  /**
   * @param dataset the dataset the jobs work on
   * @param checkpoint the checkpoint to predict with or fine-tune from ({@code run@step})
   * @param showCheckpoint re-lists the checkpoints and selects the given one (on the UI thread)
   */
  public ModelActions(StudioContext context, ObservableValue<Dataset> dataset, ObservableValue<String> checkpoint,
      Consumer<String> showCheckpoint) {
    this.context = context;
    this.dataset = dataset;
    this.checkpoint = checkpoint;
    this.showCheckpoint = showCheckpoint;
  }

  /** Predicts every sample of the dataset the checkpoint has not read yet, then reloads the queue. */
  public BackgroundTask<PredictionSummary> predict() {
    Workspace ws = context.workspace();
    Dataset d = dataset.getValue();
    String key = checkpoint.getValue();
    if (ws == null || d == null || key == null) {
      report("Choose a dataset and a checkpoint to predict with.");
      return null;
    }
    BackgroundTask<PredictionSummary> task = BackgroundTask.of("Predicting " + d.name() + " with " + key, c -> {
      // a checkpoint of ours or an external model: the queue orders by whichever read
      try (TextReader r = WorkspaceReaders.open(ws, key)) {
        return new PredictionJob(ws, r).run(PredictionTarget.dataset(d.id()), c::progress, c::isCancelled);
      }
    });
    task.onSuccess(s -> {
      report(String.format("Predicted %d (%d already done%s) in %.0f s%s.", s.predicted(),
          s.alreadyDone(), s.unreadable() > 0 ? ", " + s.unreadable() + " unreadable" : "", s.seconds(),
          s.cancelled() ? "; cancelled: Predict again continues" : ""));
      showCheckpoint.accept(key);
    }).onCancelled(() -> {
      report("Prediction cancelled; what was predicted is kept and Predict continues.");
      showCheckpoint.accept(key);
    }).onFailure(this::fail);
    context.executor().execute(task);
    return task;
  }

  /**
   * Fine-tunes from the selected checkpoint on the labelled train split, shows val accuracy
   * before and after, re-predicts, and switches the queue to the new checkpoint.
   */
  public BackgroundTask<FinetuneOutcome> finetune(int steps) {
    Workspace ws = context.workspace();
    Dataset d = dataset.getValue();
    String key = checkpoint.getValue();
    if (ws == null || d == null || key == null) {
      report("Choose a dataset and the checkpoint to start from.");
      return null;
    }
    if (WorkspaceReaders.isExternal(key)) {
      report("Fine-tune continues a checkpoint of ours: choose a run's checkpoint. An external model can teach"
          + " one through a recipe's pseudo data source.");
      return null;
    }
    FinetuneRequest req = FinetuneRequest.quick(key, d.name()).withSteps(steps);
    BackgroundTask<FinetuneOutcome> task = BackgroundTask.of("Fine-tuning on corrections", c -> runRound(ws, req, c));
    task.onSuccess(o -> {
      finetuneResult.set(summary(o));
      showCheckpoint.accept(o.checkpoint());
    }).onFailure(this::fail);
    context.executor().execute(task);
    return task;
  }

  /**
   * The one place that runs a fine-tune round (off the UI thread). Kept apart so that the
   * round can be started through the engine's training service instead without touching the
   * rest of this class.
   */
  private static FinetuneOutcome runRound(Workspace ws, FinetuneRequest req, TaskContext c) throws Exception {
    return new FinetuneRound(ws).run(req, (phase, done, total) -> {
      c.message(phase);
      c.progress(done, total);
    }, c::isCancelled);
  }

  /**
   * Exports the dataset with the existing exporter, one sub-folder per split ({@code out/train},
   * {@code out/val}, {@code out/test}) in any import format.
   */
  public BackgroundTask<List<ExportSummary>> export(ImportFormat format, Path out) {
    Workspace ws = context.workspace();
    Dataset d = dataset.getValue();
    if (ws == null || d == null) {
      return null;
    }
    BackgroundTask<List<ExportSummary>> task = BackgroundTask.of("Exporting " + d.name(), c -> {
      List<ExportSummary> done = new ArrayList<>();
      for (Split split : Split.values()) {
        if (ws.samples().count(SampleQuery.of(d.id(), 1).withSplit(split)) > 0 && !c.isCancelled()) {
          done.add(new Exporter(ws).run(
              new ExportRequest(d.name(), format, out.resolve(split.code()), split), null, c::isCancelled));
        }
      }
      return done;
    });
    task.onSuccess(s -> report("Exported " + d.name() + " to " + out + ": "
        + s.stream().map(e -> e.out().getFileName() + " " + e.written()).toList()))
        .onFailure(this::fail);
    context.executor().execute(task);
    return task;
  }

  /**
   * Shows {@code text} as the latest job report. Cleared first so that a report equal to the
   * previous one still notifies listeners (the section shows it in its one status line).
   */
  private void report(String text) {
    message.set("");
    message.set(text);
  }

  private void fail(Exception e) {
    report(e.getMessage() == null ? e.toString() : e.getMessage());
  }

  /** The latest report of a job (what was predicted or exported, or why a job failed). */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The last fine-tune round's outcome: val accuracy before and after, and which checkpoint the queue uses. */
  public ReadOnlyStringProperty finetuneResultProperty() {
    return finetuneResult.getReadOnlyProperty();
  }

  /** Both val figures, which checkpoint the queue uses now, and what the round trained on. */
  static String summary(FinetuneOutcome o) {
    String verdict = o.keptNew()
        ? "the queue now uses " + o.checkpoint()
        : "worse, so the queue stays on " + o.checkpoint() + " (run " + o.runId() + " is kept in Experiments)";
    return String.format("Val accuracy %s → %s (%d val images): %s · run %d trained on %d labelled images%s"
        + " at lr %.1e%s", percent(o.valAccuracyBefore()), percent(o.valAccuracyAfter()), o.valCount(), verdict,
        o.runId(), o.trainCount(), o.replay().isEmpty() ? "" : " mixed half and half with " + String.join(" and ", o.replay()),
        o.lr(), o.stopped() ? " · stopped early" : "");
  }

  static String percent(double v) {
    return Double.isNaN(v) ? "n/a (no labelled val split)" : String.format("%.1f%%", 100 * v);
  }
}
