package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.external.ExternalModel;
import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.external.WorkspaceReaders;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.StarterRun;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which dataset the Annotate queue shows, read by which checkpoint: the two lists the user
 * picks from and the choice. Choosing a dataset lists its checkpoints again; every settled
 * choice of a checkpoint (also the same one after a re-list) tells the section to reload the
 * queue. The lists are read off the UI thread.
 */
final class QueueSource {
  private final StudioContext context;
  private final Consumer<Exception> onError;
  private final Runnable onChosen;
  private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
  private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
  private final ObservableList<String> checkpoints = FXCollections.observableArrayList();
  /** Run name of each listed checkpoint key (so the starter shows as "starter"). */
  private final Map<String, String> checkpointRuns = new ConcurrentHashMap<>();
  /** The workspace's external models when the list was last loaded, for their labels. */
  private volatile List<ExternalModel> externalModels = List.of();
  private final ObjectProperty<String> checkpoint = new SimpleObjectProperty<>(this, "checkpoint");
  /** True while the checkpoint list is replaced: the combo box clears its value meanwhile. */
  private boolean listingCheckpoints;

  /**
   * @param onError gets failed reads (on the UI thread)
   * @param onChosen runs when a checkpoint choice settles (the queue to show changed or must be re-read)
   */
  QueueSource(StudioContext context, Consumer<Exception> onError, Runnable onChosen) {
    this.context = context;
    this.onError = onError;
    this.onChosen = onChosen;
    dataset.addListener((o, a, b) -> reloadCheckpoints(null));
    checkpoint.addListener((o, a, b) -> {
      if (!listingCheckpoints) {
        onChosen.run(); // not for the passing null: the queue would flash "No checkpoint"
      }
    });
  }

  /** Reloads the dataset list, then selects {@code select} (by name) or keeps the selection. */
  void reloadDatasets(String select) {
    Workspace ws = context.workspace();
    if (ws == null) {
      datasets.clear();
      return;
    }
    context.executor().execute(BackgroundTask.of("load datasets", c -> ws.datasets().list()).quiet()
        .onSuccess(list -> {
          String keep = select != null ? select : dataset.get() == null ? null : dataset.get().name();
          datasets.setAll(list);
          dataset.set(list.stream().filter(d -> d.name().equals(keep)).findFirst()
              .orElse(list.isEmpty() ? null : list.get(0)));
        })
        .onFailure(onError::accept));
  }

  /**
   * Lists the checkpoints: those with predictions for the dataset first (newest prediction
   * first), then the other checkpoints on disk; selects {@code select} or the first.
   */
  void reloadCheckpoints(String select) {
    Workspace ws = context.workspace();
    Dataset d = dataset.get();
    if (ws == null || d == null) {
      checkpoints.clear();
      checkpoint.set(null);
      return;
    }
    context.executor().execute(BackgroundTask.of("load checkpoints", c -> {
      WorkspaceCheckpoints.fetchPublished(ws); // a teammate's published models predict here too
      Set<String> keys = new LinkedHashSet<>(ws.predictions().checkpoints(d.id()));
      // a fresh workspace predicts with the bundled starter model before any training
      (keys.isEmpty() ? WorkspaceCheckpoints.listOrStarter(ws) : WorkspaceCheckpoints.list(ws))
          .forEach(r -> keys.add(r.key()));
      // external models predict too (their readings order the queue like a checkpoint's)
      List<ExternalModel> models = ExternalModels.list(ws);
      models.forEach(m -> keys.add(m.key()));
      externalModels = List.copyOf(models);
      for (RunRecord run : ws.runs().list()) {
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
      if (Objects.equals(shown, chosen)) {
        onChosen.run(); // the listener did not fire
      }
    }).onFailure(onError::accept));
  }

  /** How the checkpoint {@code key} is shown: {@code run@step}, the bundled starter as {@code starter@step}. */
  String label(String key) {
    if (key == null) {
      return "";
    }
    if (WorkspaceReaders.isExternal(key)) {
      return WorkspaceReaders.label(key, externalModels);
    }
    return StarterRun.TAG.equals(checkpointRuns.get(key)) ? StarterRun.TAG + key.substring(key.indexOf('@')) : key;
  }

  ObservableList<Dataset> datasets() {
    return datasets;
  }

  ObjectProperty<Dataset> datasetProperty() {
    return dataset;
  }

  ObservableList<String> checkpoints() {
    return checkpoints;
  }

  ObjectProperty<String> checkpointProperty() {
    return checkpoint;
  }
}
