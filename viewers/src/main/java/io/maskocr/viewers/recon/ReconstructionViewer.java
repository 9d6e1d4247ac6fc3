package io.maskocr.viewers.recon;

import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.charts.PngExport;
import io.maskocr.viewers.charts.Rasters;
import io.maskocr.viewers.concurrent.LatestWins;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Masked-reconstruction viewer: mask ratio slider (0-0.95), strategy and seed; shows original |
 * masked input | reconstruction | per-patch error with the MIM loss. Inference runs off the FX
 * thread, latest request wins, so dragging the slider stays smooth. "Ratio sweep" adds one row
 * per ratio 0.1..0.9 for the same image and seed. "Export PNG" saves what is shown.
 */
public final class ReconstructionViewer extends BorderPane implements AutoCloseable {
  /** Computes reconstructions; called on a background thread. */
  public interface Source {
    /** One reconstruction of the viewer's image. */
    Reconstruction reconstruct(double ratio, MaskStrategy strategy, long seed) throws Exception;

    /** One reconstruction per ratio 0.1..0.9. */
    List<Reconstruction> sweep(MaskStrategy strategy, long seed) throws Exception;
  }

  /** Displayed width of each image of the single reconstruction, and of each sweep image. */
  private static final int SINGLE_WIDTH = 256;
  private static final int SWEEP_WIDTH = 128;

  private final Source source;
  private final LatestWins single = new LatestWins("maskocr-recon");
  private final LatestWins sweeps = new LatestWins("maskocr-recon-sweep");
  private final Slider ratio = new Slider(0, 0.95, 0.5);
  private final Label ratioValue = new Label();
  private final ComboBox<MaskStrategy> strategy = new ComboBox<>();
  private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
  private final ReconstructionStrip strip = new ReconstructionStrip(true);
  private final Label loss = new Label("…");
  private final Label status = new Label();
  private final RatioSweep sweep = new RatioSweep();
  private final ReadOnlyIntegerWrapper updates = new ReadOnlyIntegerWrapper(this, "updates");
  private final VBox content;

  /**
   * @param source computes reconstructions (e.g. a checkpoint's {@code ReconstructionService})
   * @param title what is shown (image and checkpoint), one line
   */
  public ReconstructionViewer(Source source, String title) {
    this.source = source;
    getStyleClass().add("reconstruction-viewer");
    ratio.setId("recon-ratio");
    ratio.setBlockIncrement(0.05);
    ratio.setMajorTickUnit(0.1);
    ratio.setShowTickMarks(true);
    ratio.setPrefWidth(240);
    strategy.setId("recon-strategy");
    strategy.getItems().setAll(MaskStrategy.values());
    strategy.setValue(MaskStrategy.RANDOM);
    seed.setId("recon-seed");
    seed.setEditable(true);
    seed.setPrefWidth(100);
    loss.setId("recon-loss");
    status.setId("recon-status");
    Button sweepButton = new Button("Ratio sweep");
    sweepButton.setId("recon-sweep-button");
    sweepButton.setOnAction(e -> runSweep());
    Button export = new Button("Export PNG…");
    export.setId("recon-export");
    sweep.setId("recon-sweep");

    HBox controls = new HBox(10, new Label("Mask ratio"), ratio, ratioValue, new Label("Strategy"), strategy,
        new Label("Seed"), seed, sweepButton, export);
    controls.setAlignment(Pos.CENTER_LEFT);
    controls.setPadding(new Insets(8));
    Label heading = new Label(title);
    heading.getStyleClass().add("title-4");
    HBox lossRow = new HBox(16, loss, status);
    content = new VBox(8, heading, strip, lossRow, sweep);
    content.setPadding(new Insets(8));
    export.setOnAction(e -> PngExport.chooseAndSave(content, "reconstruction.png", status));
    setTop(controls);
    setCenter(new ScrollPane(content));

    ratio.valueProperty().addListener((o, a, b) -> request());
    strategy.valueProperty().addListener((o, a, b) -> request());
    seed.valueProperty().addListener((o, a, b) -> request());
    request();
  }

  /** Asks for a reconstruction with the current controls (latest wins). */
  private void request() {
    double r = Math.round(ratio.getValue() * 100) / 100.0;
    ratioValue.setText(String.format("%.2f", r));
    MaskStrategy s = strategy.getValue();
    long sd = seed.getValue();
    status.setText("computing…");
    single.submit(() -> source.reconstruct(r, s, sd), rec -> {
      strip.show(rec, scaleFor(rec.width(), SINGLE_WIDTH), Rasters.max(rec.patchError()));
      loss.setText(String.format("reconstruction loss %.4f (ratio %.2f, %s, seed %d)", rec.loss(), rec.ratio(),
          rec.strategy(), rec.seed()));
      status.setText("");
      updates.set(updates.get() + 1);
    }, e -> status.setText("cannot reconstruct: " + e.getMessage()));
  }

  /** Computes the ratio sweep for the current strategy and seed. */
  public void runSweep() {
    MaskStrategy s = strategy.getValue();
    long sd = seed.getValue();
    status.setText("sweeping ratios…");
    sweeps.submit(() -> source.sweep(s, sd), rows -> {
      sweep.show(rows, rows.isEmpty() ? 1 : scaleFor(rows.get(0).width(), SWEEP_WIDTH));
      status.setText("");
    }, e -> status.setText("sweep failed: " + e.getMessage()));
  }

  /** Integer zoom that brings an image of {@code width} pixels closest to {@code target}. */
  static int scaleFor(int width, int target) {
    return Math.max(1, Math.round((float) target / width));
  }


  /** Writes the current view (with the sweep, if shown) as a PNG; call on the FX thread. */
  public CompletableFuture<Path> exportPng(Path file) {
    return PngExport.save(content, file);
  }

  /** The ratio slider. */
  public Slider ratioSlider() {
    return ratio;
  }

  /** The strategy choice. */
  public ComboBox<MaskStrategy> strategyChoice() {
    return strategy;
  }

  /** The seed spinner. */
  public Spinner<Integer> seedSpinner() {
    return seed;
  }

  /** The four-image strip of the single reconstruction. */
  public ReconstructionStrip strip() {
    return strip;
  }

  /** The sweep rows. */
  public RatioSweep sweep() {
    return sweep;
  }

  /** Counts reconstructions shown so far (tests wait on it). */
  public ReadOnlyIntegerProperty updatesProperty() {
    return updates.getReadOnlyProperty();
  }

  /** The node exported as PNG. */
  public Node exportNode() {
    return content;
  }

  @Override
  public void close() {
    single.close();
    sweeps.close();
  }
}
