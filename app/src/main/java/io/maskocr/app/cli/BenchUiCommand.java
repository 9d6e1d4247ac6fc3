package io.maskocr.app.cli;

import io.maskocr.app.ui.experiments.ExperimentsView;
import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.FxTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.viewers.charts.LiveChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maskocr bench ui}: how smooth the UI stays while a model trains. Opens the Experiments
 * dashboard headless (Monocle, software rendering, like the UI tests), preloads each live chart
 * with a long history, trains a tiny-preset run on the bundled rendered words in a temporary
 * workspace, and records the gap between JavaFX pulses while it trains.
 */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Measure JavaFX pulse gaps with the live dashboard open while a tiny run trains (headless).",
      "fx_stall_p99_ms: 99th percentile of how late a pulse came (gap minus the 60 Hz frame time);",
      "fx_pulse_gap_p99_ms: the raw gap. fx_thread_cpu_p99_ms / render_thread_cpu_p99_ms: CPU time the FX and",
      "renderer threads used per gap (our own work; the rest of a long gap is waiting for a core).",
      "Uses a temporary workspace that is deleted afterwards."
    })
public final class BenchUiCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private static final double FRAME_MS = 1000.0 / 60;

  @Option(names = "--steps", defaultValue = "120", description = "Training steps (MIM half, fine-tuning half; default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--history", defaultValue = "100000", description = "Points preloaded into each live chart (default: ${DEFAULT-VALUE}).")
  int history;

  @Option(names = "--seconds", defaultValue = "120", description = "Longest measurement in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    headless();
    Path dir = Files.createTempDirectory("maskocr-bench-ui");
    try (Workspace ws = Workspace.open(dir.resolve("workspace"))) {
      Map<String, Object> r = measure(ws);
      BenchOutput.print(spec.commandLine().getOut(), r, json);
      return 0;
    } finally {
      deleteTree(dir);
    }
  }

  private Map<String, Object> measure(Workspace ws) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    TaskExecutor executor = new FxTaskExecutor(2);
    AtomicReference<ExperimentsView> view = new AtomicReference<>();
    PulseRecorder pulses = new PulseRecorder();
    CountDownLatch shown = new CountDownLatch(1);
    Platform.runLater(() -> {
      SimpleObjectProperty<Workspace> w = new SimpleObjectProperty<>(ws);
      StudioContext ctx = new StudioContext() {
        @Override
        public TaskExecutor executor() {
          return executor;
        }

        @Override
        public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
          return w;
        }
      };
      ExperimentsView v = new ExperimentsView(ctx, ExperimentsView::defaultResolver);
      v.showTab("Live");
      Stage stage = new Stage();
      stage.setScene(new Scene(new javafx.scene.layout.StackPane(v.node()), 1280, 800));
      stage.show();
      view.set(v);
      shown.countDown();
    });
    shown.await();
    ExperimentsView v = view.get();
    // Baseline: the same window with nothing training, to tell machine noise from UI stalls.
    onFx(pulses::start);
    Thread.sleep(5000);
    onFx(pulses::stop);
    double[] idle = pulses.gaps();
    Arrays.sort(idle);
    pulses.reset();
    long runId = v.launcher().submit("bench-ui", recipe(), List.of("bench"), "", null,
        io.maskocr.engine.train.TrainingOptions.unlimited().inBackground()).runId();
    long t0 = System.nanoTime();
    // The first event switches the dashboard to the run (clearing the charts); then add history.
    waitFor(() -> v.dashboard().eventsReceivedProperty().get() > 0, 300);
    onFx(() -> {
      for (LiveChart c : v.liveCharts()) {
        double[] xs = new double[history];
        double[] ys = new double[history];
        for (int i = 0; i < history; i++) {
          xs[i] = -history + i;
          ys[i] = Math.exp(-i / (double) history) + 0.05 * Math.sin(i * 0.01);
        }
        c.set("history", xs, ys);
      }
      pulses.start();
    });
    long measureStart = System.nanoTime();
    boolean ended = waitFor(() -> !v.dashboard().trainingProperty().get()
        && v.launcher().activeRunId() < 0, seconds);
    double measured = (System.nanoTime() - measureStart) / 1e9;
    onFx(pulses::stop);
    int events = v.dashboard().eventsReceivedProperty().get();
    int updates = v.dashboard().updatesProperty().get();
    v.launcher().close();
    onFx(() -> { }); // let the last events reach the dashboard before the executor goes
    executor.close();
    Platform.exit();

    double[] gaps = pulses.gaps();
    Arrays.sort(gaps);
    double[] fxCpu = pulses.fxCpu();
    Arrays.sort(fxCpu);
    double[] renderCpu = pulses.renderCpu();
    Arrays.sort(renderCpu);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("run_id", runId);
    r.put("training_steps", steps);
    r.put("run_completed", ended);
    r.put("chart_points_preloaded", history);
    r.put("measured_s", round(measured));
    r.put("startup_s", round((measureStart - t0) / 1e9));
    r.put("pulses", gaps.length);
    r.put("training_events", events);
    r.put("ui_updates", updates);
    r.put("fx_pulse_gap_p50_ms", round(pct(gaps, 0.50)));
    r.put("fx_pulse_gap_p99_ms", round(pct(gaps, 0.99)));
    r.put("fx_pulse_gap_max_ms", round(gaps.length == 0 ? Double.NaN : gaps[gaps.length - 1]));
    r.put("fx_thread_cpu_p99_ms", round(pct(fxCpu, 0.99)));
    r.put("fx_thread_cpu_max_ms", round(fxCpu.length == 0 ? Double.NaN : fxCpu[fxCpu.length - 1]));
    r.put("render_thread_cpu_p99_ms", round(pct(renderCpu, 0.99)));
    r.put("fx_thread_cpu_total_s", round(Arrays.stream(fxCpu).sum() / 1000));
    r.put("render_thread_cpu_total_s", round(Arrays.stream(renderCpu).sum() / 1000));
    r.put("idle_fx_pulse_gap_p99_ms", round(pct(idle, 0.99)));
    r.put("load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    r.put("fx_stall_p99_ms", round(Math.max(0, pct(gaps, 0.99) - FRAME_MS)));
    return r;
  }

  private Recipe recipe() {
    DataSpec words = new DataSpec("folder", null, null,
        MaskocrHome.samples().resolve("datasets").resolve("synth-words").toString(), null, null, null);
    int half = Math.max(1, steps / 2);
    return new Recipe("bench-ui", "UI benchmark load: tiny preset on the bundled rendered words", 1L,
        new ModelSpec("tiny", Map.of("charset", "latin36")), 60.0, 2, 10, List.of(
            new StageConfig("mim", half, 32, 1.5e-3, null, 5, null, null, null, new MaskSpec("random", 0.5),
                List.of(words)),
            new StageConfig("finetune", Math.max(1, steps - half), 32, 1e-3, null, 5, null, null, null, null,
                List.of(words))));
  }

  /** JavaFX without a display: Monocle's headless platform with software rendering. */
  private static void headless() {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("java.awt.headless", "true");
    System.setProperty("headless.geometry", "1280x800-32");
  }

  private static boolean waitFor(java.util.function.BooleanSupplier c, double seconds) throws InterruptedException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      if (c.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return c.getAsBoolean();
  }

  private static void onFx(Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        r.run();
      } finally {
        done.countDown();
      }
    });
    done.await(60, TimeUnit.SECONDS);
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void deleteTree(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (Exception e) {
      // a temporary folder left behind is harmless
    }
  }
}
