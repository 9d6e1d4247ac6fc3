package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.AttentionInspector;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.inspect.ReconstructionService;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.attention.AttentionViewer;
import io.maskocr.viewers.recon.ReconstructionViewer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * A window with the masked-reconstruction and attention viewers on one checkpoint (a run's
 * latest). Images: samples of the data the run trained on, or any image file. The checkpoint
 * loads in the background and is closed with the window.
 */
final class InspectWindow {
  private final TaskExecutor executor;
  private final LoadedCheckpoint checkpoint;
  private final ReconstructionService recon;
  private final AttentionInspector attention;
  private final ComboBox<Sample> images = new ComboBox<>();
  private final Tab reconTab = new Tab("Masked reconstruction");
  private final AttentionViewer attentionViewer = new AttentionViewer();
  private final Label status = new Label();
  private final Stage stage = new Stage();
  private ReconstructionViewer reconViewer;

  private InspectWindow(TaskExecutor executor, LoadedCheckpoint checkpoint, List<Sample> samples, String title) {
    this.executor = executor;
    this.checkpoint = checkpoint;
    this.recon = new ReconstructionService(checkpoint);
    this.attention = new AttentionInspector(checkpoint);
    images.setId("inspect-image");
    images.getItems().setAll(samples);
    images.setConverter(new StringConverter<>() {
      @Override
      public String toString(Sample s) {
        return s == null ? "" : s.id() + (s.label() == null ? "" : " · " + s.label());
      }

      @Override
      public Sample fromString(String s) {
        return null;
      }
    });
    images.valueProperty().addListener((o, a, s) -> showImage(s));
    Button file = new Button("Open image file…");
    file.setOnAction(e -> openFile());
    HBox top = new HBox(10, new Label("Image"), images, file, status);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(8));
    TabPane tabs = new TabPane(reconTab, new Tab("Per-character attention", attentionViewer));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    BorderPane root = new BorderPane(tabs);
    root.setTop(top);
    if (!checkpoint.hasTrainedMimDecoder()) {
      status.setText("This run has no MIM stage before this checkpoint: reconstructions come from an untrained decoder.");
    }
    stage.setTitle(title);
    stage.setScene(new Scene(root, 1100, 760));
    stage.setOnHidden(e -> {
      if (reconViewer != null) {
        reconViewer.close();
      }
      executor.execute(BackgroundTask.of("Closing checkpoint", ctx -> {
        checkpoint.close();
        return null;
      }).quiet());
    });
    if (!samples.isEmpty()) {
      images.setValue(samples.get(0));
    }
  }

  /** Loads the latest checkpoint of {@code runDir} in the background, then opens the window. */
  static void open(TaskExecutor executor, Path runDir, DataResolver resolver, Window owner, String title,
      java.util.function.Consumer<String> onError) {
    executor.execute(BackgroundTask.of("Loading checkpoint", ctx -> {
      LoadedCheckpoint c = LoadedCheckpoint.open(runDir);
      return new Object[] {c, InspectionImages.of(c, resolver, 12)};
    }).onSuccess(v -> {
      @SuppressWarnings("unchecked")
      List<Sample> samples = (List<Sample>) v[1];
      LoadedCheckpoint c = (LoadedCheckpoint) v[0];
      InspectWindow w = new InspectWindow(executor, c, samples, title + " · checkpoint " + c.id());
      if (owner != null) {
        w.stage.initOwner(owner);
      }
      w.stage.show();
    }).onFailure(e -> onError.accept(e.getMessage())));
  }

  private void openFile() {
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp",
        "*.tif", "*.tiff", "*.webp"));
    File f = fc.showOpenDialog(stage);
    if (f == null) {
      return;
    }
    executor.execute(BackgroundTask.of("Reading image", ctx -> {
      java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f);
      if (img == null) {
        throw new IllegalArgumentException(f + " is not a readable image");
      }
      return new Sample(f.getName(), checkpoint.preprocessor().toPixels(img), null, null);
    }).onSuccess(s -> {
      images.getItems().add(s);
      images.setValue(s);
    }).onFailure(e -> status.setText(e.getMessage())));
  }

  private void showImage(Sample s) {
    if (s == null) {
      return;
    }
    if (reconViewer != null) {
      reconViewer.close();
    }
    reconViewer = new ReconstructionViewer(new ReconstructionViewer.Source() {
      @Override
      public Reconstruction reconstruct(double ratio, MaskStrategy strategy, long seed) {
        return recon.reconstruct(s.pixels(), s.charSpans(), ratio, strategy, seed);
      }

      @Override
      public List<Reconstruction> sweep(MaskStrategy strategy, long seed) {
        return recon.sweep(s.pixels(), s.charSpans(), strategy, seed);
      }
    }, s.id() + (s.label() == null ? "" : " · “" + s.label() + "”"));
    reconTab.setContent(reconViewer);
    executor.execute(BackgroundTask.of("Reading " + s.id(), ctx -> attention.inspect(s.pixels())).quiet()
        .onSuccess(attentionViewer::show)
        .onFailure(e -> status.setText("cannot read: " + e.getMessage())));
  }

  Stage stage() {
    return stage;
  }
}
