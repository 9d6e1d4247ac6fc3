package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.annotate.FinetuneOutcome;
import io.maskocr.engine.annotate.FinetuneRequest;
import io.maskocr.engine.annotate.FinetuneRound;
import io.maskocr.engine.annotate.PredictionJob;
import io.maskocr.engine.annotate.PredictionSummary;
import io.maskocr.engine.annotate.PredictionTarget;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.infer.Recognizer;
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

/**
 * The Annotate section's long jobs, each a visible background task with progress and cancel:
 * predict the dataset with the chosen checkpoint, fine-tune on the corrections (the
 * active-learning round), export the labelled dataset.
 */
public final class ModelActions {
  private final AnnotateViewModel model;

  public ModelActions(AnnotateViewModel model) {
    this.model = model;
  }

  /** Predicts every sample of the dataset the checkpoint has not read yet, then reloads the queue. */
  public BackgroundTask<PredictionSummary> predict() {
    Workspace ws = model.context().workspace();
    Dataset d = model.datasetProperty().get();
    String key = model.checkpointProperty().get();
    if (ws == null || d == null || key == null) {
      model.messageWrapper().set("Choose a dataset and a checkpoint to predict with.");
      return null;
    }
    BackgroundTask<PredictionSummary> task = BackgroundTask.of("Predicting " + d.name() + " with " + key, c -> {
      CheckpointRef ref = WorkspaceCheckpoints.require(ws, key);
      try (Recognizer r = Recognizer.load(ref.directory())) {
        return new PredictionJob(ws, r).run(PredictionTarget.dataset(d.id()), c::progress, c::isCancelled);
      }
    });
    task.onSuccess(s -> {
      model.messageWrapper().set(String.format("Predicted %d (%d already done%s) in %.0f s%s.", s.predicted(),
          s.alreadyDone(), s.unreadable() > 0 ? ", " + s.unreadable() + " unreadable" : "", s.seconds(),
          s.cancelled() ? "; cancelled: Predict again continues" : ""));
      model.reloadCheckpoints(key);
    }).onCancelled(() -> {
      model.messageWrapper().set("Prediction cancelled; what was predicted is kept and Predict continues.");
      model.reloadCheckpoints(key);
    }).onFailure(model::fail);
    model.context().executor().execute(task);
    return task;
  }

  /**
   * Fine-tunes from the selected checkpoint on the labelled train split, shows val accuracy
   * before and after, re-predicts, and switches the queue to the new checkpoint.
   */
  public BackgroundTask<FinetuneOutcome> finetune(int steps) {
    Workspace ws = model.context().workspace();
    Dataset d = model.datasetProperty().get();
    String key = model.checkpointProperty().get();
    if (ws == null || d == null || key == null) {
      model.messageWrapper().set("Choose a dataset and the checkpoint to start from.");
      return null;
    }
    FinetuneRequest req = FinetuneRequest.quick(key, d.name()).withSteps(steps);
    BackgroundTask<FinetuneOutcome> task = BackgroundTask.of("Fine-tuning on corrections", c ->
        new FinetuneRound(ws).run(req, (phase, done, total) -> {
          c.message(phase);
          c.progress(done, total);
        }, c::isCancelled));
    task.onSuccess(o -> {
      model.finetuneResultWrapper().set(summary(o));
      model.reloadCheckpoints(o.checkpoint());
    }).onFailure(model::fail);
    model.context().executor().execute(task);
    return task;
  }

  /**
   * Exports the dataset with the existing exporter, one sub-folder per split ({@code out/train},
   * {@code out/val}, {@code out/test}) in any import format.
   */
  public BackgroundTask<List<ExportSummary>> export(ImportFormat format, Path out) {
    Workspace ws = model.context().workspace();
    Dataset d = model.datasetProperty().get();
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
    task.onSuccess(s -> model.messageWrapper().set("Exported " + d.name() + " to " + out + ": "
        + s.stream().map(e -> e.out().getFileName() + " " + e.written()).toList()))
        .onFailure(model::fail);
    model.context().executor().execute(task);
    return task;
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
