package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.external.BaselineRun;
import io.maskocr.engine.external.ExternalEvaluation;
import io.maskocr.engine.external.ExternalKind;
import io.maskocr.engine.external.ExternalModel;
import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.model.EngineThreads;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Experiments' "Add model…": copies an external ONNX recognizer into the workspace (as
 * {@code maskocr model add}), registers its baseline run and, when a dataset is chosen, evaluates
 * it on that dataset's test split so its row has figures at once. Work runs through the executor;
 * the outcome is reported as one line.
 */
public final class AddModelViewModel {
  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final Runnable added;
  private final java.util.function.Consumer<String> report;
  private final StringProperty file = new SimpleStringProperty("");
  private final StringProperty keys = new SimpleStringProperty("");
  private final StringProperty kind = new SimpleStringProperty(ExternalKind.PPOCR_REC.id());
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty evalDataset = new SimpleStringProperty("");

  /**
   * @param report shows the outcome (the runs table's status line), on the UI thread
   * @param added called on the UI thread after a model was added (the runs table reloads)
   */
  public AddModelViewModel(TaskExecutor executor, Supplier<Workspace> workspace,
      java.util.function.Consumer<String> report, Runnable added) {
    this.executor = executor;
    this.workspace = workspace;
    this.report = report;
    this.added = added;
  }

  /** Adds the model described by the properties; returns the task (null when the form is incomplete). */
  public BackgroundTask<String> add() {
    Workspace w = workspace.get();
    if (w == null || file.get().isBlank() || keys.get().isBlank()) {
      report.accept("Choose the model file (.onnx) and its dictionary.");
      return null;
    }
    Path onnx = Path.of(file.get().strip());
    Path dict = Path.of(keys.get().strip());
    ExternalKind k = ExternalKind.parse(kind.get());
    String n = name.get().isBlank() ? null : name.get().strip();
    String dataset = evalDataset.get().isBlank() ? null : evalDataset.get().strip();
    BackgroundTask<String> task = BackgroundTask.of("Adding model " + onnx.getFileName(), c -> {
      c.message("checking " + onnx.getFileName());
      ExternalModel m = ExternalModels.add(w, onnx, k, dict, n, null);
      long run = BaselineRun.ensure(w, m);
      String done = "Added " + m.name() + " (" + m.kind() + ", " + m.outputClasses() + " classes) as baseline run " + run;
      if (dataset == null) {
        return done + ".";
      }
      c.message("evaluating on " + dataset + " test");
      ExternalEvaluation.Result r = ExternalEvaluation.run(w, m.name(), dataset, Split.TEST, EngineThreads.count(),
          c::progress);
      return String.format("%s; on %s test: accuracy (36-symbol) %.4f, 1-NED %.4f over %d images.", done, dataset,
          r.report().accuracy36(), r.report().meanOneMinusNed(), r.report().count());
    });
    task.onSuccess(text -> {
      report.accept(text);
      added.run();
    }).onFailure(e -> report.accept("Cannot add the model: " + e.getMessage()));
    executor.execute(task);
    return task;
  }

  public StringProperty fileProperty() {
    return file;
  }

  public StringProperty keysProperty() {
    return keys;
  }

  /** {@code ppocr-rec} or {@code parseq}. */
  public StringProperty kindProperty() {
    return kind;
  }

  /** Empty: from the file name. */
  public StringProperty nameProperty() {
    return name;
  }

  /** A dataset whose test split to evaluate on right away; empty: none. */
  public StringProperty evalDatasetProperty() {
    return evalDataset;
  }
}
