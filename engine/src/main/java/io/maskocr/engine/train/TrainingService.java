package io.maskocr.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.maskocr.engine.model.GradientScope;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.model.TensorFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a recipe on one dedicated background thread. Callers pause, resume and stop it (checked
 * between steps) and receive immutable {@link TrainingEvent}s on a separate event thread, so a
 * slow listener never slows training. A run folder with a checkpoint is resumed at the saved
 * step with the same data order.
 */
public final class TrainingService {
  /** A run fails after this many consecutive steps with a non-finite loss or gradient. */
  static final int MAX_BAD_STEPS = 5;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainingService.class);
  private final String runId;
  private final Path runDir;
  private final DataResolver resolver;
  private final RunRecorder recorder;
  private final StageRegistry registry;
  private final TrainingOptions options;
  private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService events;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Object control = new Object();
  private Recipe recipe;
  /** The schedule as planned before any fitting into a time budget (the most a refit gives back). */
  private Recipe planned;
  private volatile boolean paused;
  private volatile boolean stopRequested;
  private volatile TrainingEvent lastEvent;
  private volatile MaskOcrModel liveModel;
  private Thread thread;

  /**
   * @param recipe what to train (ignored in favour of the saved one when {@code runDir} holds a
   *     checkpoint: a resumed run continues its own recipe)
   * @param runId run identifier
   * @param runDir folder for checkpoints (and files of the {@link FileRunRecorder})
   * @param resolver turns data specs into sources
   * @param recorder persists provenance and results
   * @param registry stage types
   * @param options early-stop limits
   */
  public TrainingService(Recipe recipe, String runId, Path runDir, DataResolver resolver,
      RunRecorder recorder, StageRegistry registry, TrainingOptions options) {
    this.recipe = recipe;
    this.runId = runId;
    this.runDir = runDir;
    this.resolver = resolver;
    this.recorder = recorder;
    this.registry = registry;
    this.options = options;
    this.events = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "maskocr-training-events");
      t.setDaemon(true);
      return t;
    });
  }

  /** Adds a listener; events arrive on the event thread in order. */
  public void addListener(TrainingListener l) {
    listeners.add(l);
  }

  /** Starts the trainer thread (once). */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("training service " + runId + " was already started");
    }
    thread = new Thread(this::run, "maskocr-trainer-" + runId);
    thread.setDaemon(true);
    thread.start();
  }

  /** Pauses before the next step. */
  public void pause() {
    paused = true;
  }

  /** Continues after {@link #pause()}. */
  public void resume() {
    synchronized (control) {
      paused = false;
      control.notifyAll();
    }
  }

  /** Asks the trainer to save a checkpoint and stop after the current step. */
  public void stop() {
    synchronized (control) {
      stopRequested = true;
      control.notifyAll();
    }
  }

  public boolean isPaused() {
    return paused;
  }

  /**
   * Native arrays currently held by the training model's manager (parameters, optimizer
   * moments, anything leaked into it); constant from step to step when nothing leaks. 0 when
   * no model is loaded.
   */
  public int liveNativeArrays() {
    MaskOcrModel m = liveModel;
    try {
      return m == null ? 0 : m.manager().getManagedArrays().size();
    } catch (RuntimeException closedMeanwhile) {
      return 0;
    }
  }

  /**
   * Waits until the run ended and every event was delivered.
   *
   * @return the final {@link TrainingEvent.Finished} or {@link TrainingEvent.Failed}, or null
   *     on timeout
   */
  public TrainingEvent awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    return ended.await(timeout, unit) ? lastEvent : null;
  }

  private void publish(TrainingEvent e) {
    events.submit(() -> {
      try {
        recorder.event(e);
      } catch (RuntimeException ex) {
        org.slf4j.LoggerFactory.getLogger(TrainingService.class).warn("run recorder failed", ex);
      }
      for (TrainingListener l : listeners) {
        try {
          l.onEvent(e);
        } catch (RuntimeException ex) {
          org.slf4j.LoggerFactory.getLogger(TrainingService.class).warn("training listener failed", ex);
        }
      }
    });
  }

  private void end(TrainingEvent e) {
    lastEvent = e;
    publish(e);
    events.submit(ended::countDown);
    events.shutdown();
  }

  private void run() {
    if (options.background()) {
      // Before the engine and the prefetch thread start, so their threads inherit it.
      int nice = ThreadPriority.lowerCurrentThread();
      LOG.info("run {} trains in the background (nice {})", runId, nice < 0 ? "unchanged" : nice);
    }
    long started = System.nanoTime();
    long step = 0;
    MaskOcrModel model = null;
    ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "maskocr-prefetch-" + runId);
      t.setDaemon(true);
      return t;
    });
    try {
      GradMode.disableOnThisThread();
      Optional<Path> saved = Checkpoints.latest(runDir);
      CheckpointInfo info = saved.map(Checkpoints::readInfo).orElse(null);
      ModelConfig config = recipe.model().resolve();
      CharacterSet charset = CharacterSet.fromSpec(config.charset());
      if (info == null) {
        Engine.getInstance().setRandomSeed((int) Seeds.mix(recipe.seed(), 0x1417)); // a new run
      }
      if (info != null) {
        Checkpoints.requireCharset(info, charset);
        recipe = info.recipe();
        config = info.model();
        step = info.step();
        model = Checkpoints.loadModel(saved.get(), charset);
      } else if (recipe.init() != null) {
        Path initDir = resolver.resolveInit(recipe.init());
        CheckpointInfo initInfo = Checkpoints.readInfo(initDir);
        requireInitCharset(initInfo, charset, initDir);
        config = initInfo.model().onDevice(config.device());
        model = Checkpoints.loadModel(initDir, charset, config);
        LOG.info("run {} starts from {}@{} ({})", runId, initInfo.runId(), initInfo.step(), initDir);
      } else {
        model = MaskOcrModel.create(config, charset);
      }
      planned = recipe; // a resumed run's saved (maybe fitted) recipe is its plan from here on
      AuxiliaryWeights auxiliary = saved.isPresent() ? AuxiliaryWeights.from(saved.get()) : AuxiliaryWeights.none();
      List<Stage> stages = new ArrayList<>();
      List<List<String>> data = new ArrayList<>();
      for (int i = 0; i < recipe.stages().size(); i++) {
        Stage s = registry.create(recipe.stages().get(i),
            new StageContext(config, charset, resolver, Seeds.mix(recipe.seed(), i + 1), auxiliary));
        stages.add(s);
        data.add(s.dataProvenance());
      }
      RunProvenance prov = RunProvenance.of(runId, recipe, config, charset.name(), data, step)
          .withSources(DataProvenance.of(recipe, stages, resolver));
      events.submit(() -> recorder.started(prov));
      liveModel = model;
      Loop loop = new Loop(model, auxiliary, prefetch, started);
      for (int si = 0; si < stages.size(); si++) {
        long start = recipe.stageStart(si);
        long end = start + recipe.stages().get(si).steps(); // the recipe's: a fitted schedule is shorter
        if (step >= end) {
          continue;
        }
        Path optimizerFile = info != null && info.stageIndex() == si && step > start
            ? saved.get().resolve("optimizer.bin") : null;
        step = loop.runStage(si, stages.get(si), start, end, step, optimizerFile,
            optimizerFile != null ? info.optimizerSteps() : 0);
        if (loop.stopped) {
          end(new TrainingEvent.Finished(runId, step, false, seconds(started)));
          return;
        }
      }
      loop.checkpoint(step, stages.size(), null);
      end(new TrainingEvent.Finished(runId, step, true, seconds(started)));
    } catch (NonFiniteLossException e) {
      end(new TrainingEvent.Failed(runId, e.step, e.getMessage()));
    } catch (Throwable e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      org.slf4j.LoggerFactory.getLogger(TrainingService.class).error("training failed", e);
      end(new TrainingEvent.Failed(runId, step, msg));
    } finally {
      liveModel = null;
      prefetch.shutdownNow();
      if (model != null) {
        model.close();
      }
    }
  }

  /** Refuses an init checkpoint of another charset, naming both and what to change. */
  static void requireInitCharset(CheckpointInfo init, CharacterSet recipeCharset, Path initDir) {
    if (!recipeCharset.sameAs(init.charset())) {
      throw new IllegalArgumentException("the recipe's charset '" + recipeCharset.name() + "' ("
          + recipeCharset.size() + " symbols) differs from the charset '" + init.charsetName() + "' ("
          + init.charset().size() + " symbols) of its init checkpoint " + initDir + ": set the recipe's model "
          + "charset to '" + init.charsetName() + "', or drop \"init\" to train from random weights");
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Thrown when the loss is NaN or infinite; the run stops without a checkpoint of bad weights. */
  static final class NonFiniteLossException extends RuntimeException {
    final long step;

    NonFiniteLossException(String message, long step) {
      super(message);
      this.step = step;
    }
  }

  /** The step loop of one session, with its timing and checkpoint clock. */
  private final class Loop {
    final MaskOcrModel model;
    final AuxiliaryWeights auxiliary;
    final ExecutorService prefetch;
    final long sessionStart;
    final ParameterStore ps;
    long lastCheckpoint = System.nanoTime();
    int badSteps;
    boolean stopped;
    static final double FIT_GRACE = 0.05;
    AdamW optimizer;

    Loop(MaskOcrModel model, AuxiliaryWeights auxiliary, ExecutorService prefetch, long sessionStart) {
      this.model = model;
      this.auxiliary = auxiliary;
      this.prefetch = prefetch;
      this.sessionStart = sessionStart;
      this.ps = model.newParameterStore();
    }

    long runStage(int si, Stage stage, long start, long end, long step, Path optimizerFile, long optimizerSteps)
        throws Exception {
      StageConfig sc = recipe.stages().get(si);
      SchedulePace pace = options.fitSchedule() && options.maxMinutes() > 0 ? new SchedulePace(step, sc.steps()) : null;
      Set<ModelPart> parts = stage.trainableParts();
      List<NamedParameter> trainable = new ArrayList<>(model.parameters(parts));
      trainable.addAll(stage.auxiliaryParameters(model));
      Set<String> names = new HashSet<>();
      trainable.forEach(p -> names.add(p.name()));
      for (NamedParameter p : model.parameters()) {
        p.parameter().freeze(!names.contains(p.name()));
      }
      try (AdamW opt = new AdamW(trainable, sc.weightDecay(), model.manager())) {
        optimizer = opt;
        if (optimizerFile != null) {
          opt.load(TensorFile.read(optimizerFile), optimizerSteps);
        }
        publish(new TrainingEvent.StageStarted(runId, step, si, sc.type(), sc.steps()));
        long sessionFirstStep = step;
        double lossSum = 0;
        double accSum = 0;
        int accCount = 0;
        int logged = 0;
        long images = 0;
        long intervalStart = System.nanoTime();
        final long first = step;
        Future<HostBatch> next = prefetch.submit(() -> stage.prepare(first - start));
        while (step < end) {
          if (shouldStop(step)) {
            next.cancel(true);
            checkpoint(step, si, opt);
            stopped = true;
            return step;
          }
          HostBatch batch = next.get();
          final long following = step + 1;
          next = following < end ? prefetch.submit(() -> stage.prepare(following - start)) : null;
          double lr = LearningRate.at(step - start, sc);
          double[] r = trainStep(stage, batch, opt, lr, sc.clipNorm(), step);
          step++;
          if (pace != null && pace.measured(step)) {
            Recipe fitted = ScheduleFit.fit(ScheduleFit.withPlannedRest(recipe, planned, si), si, step - start,
                pace.secondsPerStep(), options.maxMinutes() * 60 - seconds(sessionStart));
            if (!fitted.stages().equals(recipe.stages())) {
              long before = recipe.totalSteps();
              recipe = fitted;
              sc = recipe.stages().get(si);
              end = start + sc.steps();
              pace.stageResized(sc.steps());
              if (next != null && step >= end) {
                next.cancel(true);
                next = null;
              } else if (next == null && step < end) {
                final long resumeAt = step;
                next = prefetch.submit(() -> stage.prepare(resumeAt - start));
              }
              ScheduleRecord.write(runDir, planned.totalSteps(), recipe, si, step, pace.secondsPerStep(),
                  options.maxMinutes());
              LOG.info("run {}: at {} s/step the schedule of {} steps ({} planned) becomes {} steps to end in {} min",
                  runId, String.format("%.3f", pace.secondsPerStep()), before, planned.totalSteps(),
                  recipe.totalSteps(), options.maxMinutes());
            }
          }
          if (Double.isNaN(r[0])) {
            continue; // skipped batch: no update was made; the run moves on to the next step
          }
          lossSum += r[0];
          if (!Double.isNaN(r[1])) {
            accSum += r[1];
            accCount++;
          }
          logged++;
          images += batch.samples().size();
          if (step % recipe.logEvery() == 0 || step == end) {
            double secs = seconds(intervalStart);
            double perStep = seconds(sessionStart) / Math.max(1, step - sessionFirstStep);
            publish(new TrainingEvent.Metrics(runId, step, recipe.totalSteps(), si, sc.type(), step - start,
                sc.steps(), lossSum / logged, accCount > 0 ? accSum / accCount : Double.NaN, lr, r[2],
                images / Math.max(secs, 1e-9), seconds(sessionStart), perStep * (recipe.totalSteps() - step)));
            lossSum = 0;
            accSum = 0;
            accCount = 0;
            logged = 0;
            images = 0;
            intervalStart = System.nanoTime();
          }
          if (step % recipe.snapshotEvery() == 0) {
            snapshot(stage, batch, step);
          }
          if (seconds(lastCheckpoint) > recipe.checkpointMinutes() * 60) {
            checkpoint(step, step < end ? si : si + 1, opt);
          }
        }
        return step;
      } finally {
        optimizer = null;
      }
    }

    private boolean shouldStop(long step) throws InterruptedException {
      synchronized (control) {
        while (paused && !stopRequested) {
          control.wait(1000);
        }
      }
      return stopRequested
          || (options.stopAtStep() >= 0 && step >= options.stopAtStep())
          || (options.maxMinutes() > 0 && seconds(sessionStart) > options.maxMinutes() * 60 * timeLimitFactor());
    }

    /**
     * A schedule fitted into the budget may run up to {@link #FIT_GRACE} past it: a machine that
     * slowed down in the last tenth (between two pace measurements) still ends annealed rather than
     * a few steps short of its end.
     */
    private double timeLimitFactor() {
      return options.fitSchedule() ? 1 + FIT_GRACE : 1;
    }

    /** One optimizer step in its own native-memory scope; returns loss, accuracy, grad norm. */
    private double[] trainStep(Stage stage, HostBatch batch, AdamW opt, double lr, double clip, long step) {
      try (NDScope scope = new NDScope(); NDManager mgr = model.manager().newSubManager()) {
        StepOutput out;
        float loss;
        try (GradientScope gc = GradientScope.open()) {
          out = stage.forward(model, ps, mgr, batch);
          loss = out.loss().getFloat();
          if (!Float.isFinite(loss)) {
            badSteps++;
            if (badSteps >= MAX_BAD_STEPS) {
              throw new NonFiniteLossException(
                  "loss was " + loss + " at " + badSteps + " consecutive steps (up to step " + step + ", stage "
                      + stage.config().type() + "): lower the learning rate or check the data; the last checkpoint is kept",
                  step);
            }
            LOG.warn("step {}: loss is {}; skipping this batch ({} in a row)", step, loss, badSteps);
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
          }
          gc.backward(out.loss());
        }
        double norm = opt.step(lr, clip);
        if (!Double.isFinite(norm)) {
          badSteps++;
          if (badSteps >= MAX_BAD_STEPS) {
            throw new NonFiniteLossException("gradients were not finite at " + badSteps + " consecutive steps (up to step "
                + step + "): lower the learning rate; the last checkpoint is kept", step);
          }
          LOG.warn("step {}: gradient norm is {}; update skipped ({} in a row)", step, norm, badSteps);
        } else {
          badSteps = 0;
        }
        return new double[] {loss, out.accuracy(), norm};
      } finally {
        GradMode.disableOnThisThread();
      }
    }

    private void snapshot(Stage stage, HostBatch batch, long step) {
      try (NDScope scope = new NDScope(); NDManager mgr = model.manager().newSubManager()) {
        publish(stage.snapshot(model, ps, mgr, batch, runId, step));
      }
    }

    void checkpoint(long step, int stageIndex, AdamW opt) throws Exception {
      Path dir = Checkpoints.save(runDir,
          Checkpoints.info(runId, step, stageIndex, opt == null ? 0 : opt.steps(), model, recipe), model, opt,
          auxiliary);
      lastCheckpoint = System.nanoTime();
      publish(new TrainingEvent.CheckpointSaved(runId, step, dir));
    }
  }

  /** All parts, for callers that need to name them. */
  static Set<ModelPart> allParts() {
    return EnumSet.allOf(ModelPart.class);
  }
}
