package io.maskocr.engine.annotate;

import io.maskocr.engine.data.Augmenter;
import io.maskocr.engine.data.ImageListSource;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.data.WorkspaceImages;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.RunRegistration;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The active-learning loop's round: fine-tunes a new workspace run from a checkpoint on the
 * dataset's labelled train split (human corrections included, illegible and unlabelled images
 * left out), mixed with the data the checkpoint was trained on, at a low rate with the same
 * objective ({@link RoundRecipe}); scores the val split before and after; keeps the new
 * checkpoint only if it is not worse there, and then re-predicts the dataset with it so the
 * queue re-orders. Blocking; run it off the UI thread.
 */
public final class FinetuneRound {
  /** Where the round is: a phase message and progress within it. */
  @FunctionalInterface
  public interface Listener {
    void update(String phase, long done, long total);
  }

  private final Workspace workspace;

  public FinetuneRound(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * @param listener may be null
   * @param cancelled checked while training and predicting; may be null
   * @throws IllegalArgumentException when the dataset has no labelled train images or the
   *     checkpoint is gone
   */
  public FinetuneOutcome run(FinetuneRequest req, Listener listener, BooleanSupplier cancelled) throws Exception {
    Listener say = listener == null ? (p, d, t) -> {} : listener;
    BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
    Dataset dataset = workspace.datasets().require(req.dataset());
    CheckpointRef base = WorkspaceCheckpoints.require(workspace, req.baseCheckpoint());
    CheckpointInfo baseInfo = Checkpoints.readInfo(base.directory());
    say.update("loading labelled images", 0, -1);
    List<LabeledImage> train = labelled(req.dataset(), Split.TRAIN);
    if (train.isEmpty()) {
      throw new IllegalArgumentException("dataset " + req.dataset()
          + " has no labelled train images to fine-tune on: label some items (Enter) first");
    }
    List<LabeledImage> val = labelled(req.dataset(), Split.VAL);
    double before;
    say.update("scoring the base checkpoint on " + val.size() + " val images", 0, -1);
    try (Recognizer r = Recognizer.load(base.directory())) {
      before = ValidationScore.accuracy(r, val);
    }
    DataSpec own = RoundRecipe.own(req);
    Recipe recipe = RoundRecipe.of(req, baseInfo, this::available);
    StageConfig stage = recipe.stages().get(0);
    long runId = RunRegistration.register(workspace, "finetune on corrections (" + req.dataset() + ")", recipe,
        List.of("active-learning"), "started from checkpoint " + base.key()).id();
    Path runDir = workspace.runs().dir(runId);
    seedFrom(base.directory(), baseInfo, runDir, runId, recipe);
    WorkspaceDataResolver others = new WorkspaceDataResolver(workspace);
    Ticket ticket = RunLauncher.of(workspace).enqueue(runId, recipe,
        (spec, cfg, seed) -> RoundRecipe.isOwn(spec, own)
            ? new ImageListSource("workspace dataset " + spec.dataset() + " labelled train split", train,
                new ImagePreprocessor(cfg), req.augment() > 0 ? new Augmenter(req.augment()) : null, seed)
            : others.resolve(spec, cfg, seed),
        TrainingOptions.unlimited());
    ticket.addListener(e -> {
      if (e instanceof TrainingEvent.Metrics m) {
        say.update(String.format("fine-tuning (loss %.3f)", m.loss()), m.step(), m.totalSteps());
      }
    });
    TrainingEvent end;
    boolean stopped = false;
    while ((end = ticket.awaitEnd(200, TimeUnit.MILLISECONDS)) == null) {
      if (!stopped && stop.getAsBoolean()) {
        ticket.cancel();
        stopped = true;
      }
      if (ticket.state() == Ticket.State.WAITING) {
        say.update("fine-tune run " + runId + " is " + ticket.waitingFor(), 0, -1);
      }
    }
    if (end instanceof TrainingEvent.Failed f) {
      throw new IllegalStateException("fine-tune run " + runId + " failed at step " + f.step() + ": " + f.reason());
    }
    Path ckpt = Checkpoints.latest(runDir).orElseThrow();
    List<String> replay = stage.data().stream().filter(d -> !RoundRecipe.isOwn(d, own)).map(FinetuneRound::describe)
        .toList();
    try (Recognizer r = Recognizer.load(ckpt)) {
      say.update("scoring the new checkpoint on " + val.size() + " val images", 0, -1);
      double after = ValidationScore.accuracy(r, val);
      if (!FinetuneOutcome.keepNew(before, after)) {
        // worse on val: the queue stays on the base, whose predictions are stored already
        return new FinetuneOutcome(runId, r.checkpointId(), base.key(), train.size(), replay, stage.lr(),
            val.size(), before, after, null, stopped);
      }
      PredictionSummary repredicted = new PredictionJob(workspace, r).run(PredictionTarget.dataset(dataset.id()),
          (d, t) -> say.update("re-predicting the queue", d, t), stop);
      return new FinetuneOutcome(runId, r.checkpointId(), r.checkpointId(), train.size(), replay, stage.lr(),
          val.size(), before, after, repredicted, stopped || repredicted.cancelled());
    }
  }

  /** Whether a data source of the base recipe can still be read in this workspace. */
  private boolean available(DataSpec d) {
    return switch (d.kind()) {
      case "split" -> "*".equals(d.dataset()) || workspace.datasets().find(d.dataset()).isPresent();
      case "folder" -> Files.isDirectory(Path.of(d.path()));
      default -> true;
    };
  }

  private static String describe(DataSpec d) {
    return switch (d.kind()) {
      case "split" -> ("*".equals(d.dataset()) ? "every dataset's" : "dataset " + d.dataset()) + " " + d.split() + " split";
      case "folder" -> "folder " + d.path();
      default -> "synthetic words" + (d.style() == null ? "" : " (" + d.style() + ")");
    };
  }

  private List<LabeledImage> labelled(String dataset, Split split) {
    try {
      return WorkspaceImages.load(workspace, dataset, split, true);
    } catch (IllegalArgumentException none) {
      return List.of(); // "holds no labeled samples"
    }
  }

  /**
   * Puts the base weights into the new run as its step-0 checkpoint: the training service then
   * starts the new recipe from them (a fresh optimizer, since no optimizer state is copied).
   */
  private static void seedFrom(Path baseDir, CheckpointInfo base, Path runDir, long runId, Recipe recipe)
      throws IOException {
    Path dir = runDir.resolve("checkpoints").resolve(String.format("%09d", 0));
    Files.createDirectories(dir);
    Files.copy(baseDir.resolve("weights.bin"), dir.resolve("weights.bin"));
    CheckpointInfo seeded = new CheckpointInfo(CheckpointInfo.FORMAT, Long.toString(runId), 0, 0, 0, base.model(),
        base.charsetName(), base.charsetSymbols(), base.charsetCaseFolding(), recipe, Instant.now().toString());
    Recipes.json().writeValue(dir.resolve("checkpoint.json").toFile(), seeded);
  }
}
