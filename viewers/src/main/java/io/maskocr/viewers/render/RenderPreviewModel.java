package io.maskocr.viewers.render;

import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the render preview: the style config, seed, overlay switches and the current grid
 * of samples. Every change of config, seed or grid size asks for a new grid; rendering runs
 * on the given executor with latest-wins coalescing (a burst of slider events renders once
 * for the newest state, never queues), and results reach the properties on the FX thread.
 * All properties must be used on the FX thread.
 */
public final class RenderPreviewModel {
  private final RendererAssets assets;
  private final Executor executor;
  private final Consumer<Runnable> fxThread;
  private final ObjectProperty<StyleConfig> config = new SimpleObjectProperty<>(StyleConfig.defaults());
  private final LongProperty seed = new SimpleLongProperty(1);
  private final IntegerProperty count = new SimpleIntegerProperty(12);
  private final BooleanProperty showBoxes = new SimpleBooleanProperty(true);
  private final BooleanProperty showClean = new SimpleBooleanProperty(false);
  private final ReadOnlyObjectWrapper<List<PreviewCell>> cells = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final AtomicReference<Request> pending = new AtomicReference<>();
  private final AtomicBoolean working = new AtomicBoolean();
  private long requestCounter;
  private volatile long latestRequest;

  private record Request(long id, StyleConfig config, long seed, int count) {}

  /** A model rendering on {@code executor} and publishing with {@code Platform.runLater}. */
  public RenderPreviewModel(RendererAssets assets, Executor executor) {
    this(assets, executor, Platform::runLater);
  }

  /** As above with an explicit way to reach the FX thread (tests pass a direct one). */
  public RenderPreviewModel(RendererAssets assets, Executor executor, Consumer<Runnable> fxThread) {
    this.assets = assets;
    this.executor = executor;
    this.fxThread = fxThread;
    config.addListener((o, a, b) -> refresh());
    seed.addListener((o, a, b) -> refresh());
    count.addListener((o, a, b) -> refresh());
  }

  /** The fonts and corpora the preview renders with. */
  public RendererAssets assets() {
    return assets;
  }

  /** The style config being previewed. */
  public ObjectProperty<StyleConfig> configProperty() {
    return config;
  }

  /** Seed of the grid: re-seed shows other samples with the same style. */
  public LongProperty seedProperty() {
    return seed;
  }

  /** Number of samples in the grid. */
  public IntegerProperty countProperty() {
    return count;
  }

  /** Draw character boxes over the samples. */
  public BooleanProperty showBoxesProperty() {
    return showBoxes;
  }

  /** Draw the clean target over the samples. */
  public BooleanProperty showCleanProperty() {
    return showClean;
  }

  /** The current grid (replaced as a whole when a newer one is ready). */
  public ReadOnlyObjectProperty<List<PreviewCell>> cellsProperty() {
    return cells.getReadOnlyProperty();
  }

  /** One line about the last render ("12 samples in 14 ms") or the last error. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Picks a new seed derived from the current one. */
  public void reseed() {
    seed.set(seed.get() * 6364136223846793005L + 1442695040888963407L);
  }

  /** Asks for a grid of the current state; cheap to call on every event. */
  public void refresh() {
    Request r = new Request(++requestCounter, config.get(), seed.get(), count.get());
    latestRequest = r.id;
    pending.set(r);
    if (working.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /** Runs on the executor: render the newest request until none is left. */
  private void drain() {
    try {
      Request r;
      while ((r = pending.getAndSet(null)) != null) {
        render(r);
      }
    } finally {
      working.set(false);
      // a request may have arrived between the last poll and clearing the flag
      if (pending.get() != null && working.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }
  }

  private void render(Request r) {
    long t0 = System.nanoTime();
    try {
      SampleRenderer renderer = new SampleRenderer(r.config, assets, 128, 32, r.seed);
      List<PreviewCell> out = new ArrayList<>(r.count);
      for (int i = 0; i < r.count; i++) {
        if (latestRequest != r.id) {
          return; // superseded: drop this grid, the newer request is pending
        }
        out.add(PreviewCell.of(renderer.render(i)));
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      List<PreviewCell> grid = List.copyOf(out);
      fxThread.accept(() -> {
        if (latestRequest == r.id) {
          cells.set(grid);
          status.set(grid.size() + " samples in " + ms + " ms (seed " + r.seed + ")");
        }
      });
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      fxThread.accept(() -> status.set("cannot render: " + msg));
    }
  }
}
