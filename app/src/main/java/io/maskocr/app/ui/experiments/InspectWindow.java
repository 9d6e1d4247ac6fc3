package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.AttentionInspector;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.inspect.ReconstructionService;
import io.maskocr.engine.pretrain.MilmProbe;
import io.maskocr.engine.pretrain.OdmHeadReader;
import io.maskocr.engine.pretrain.OdmProbe;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.attention.AttentionViewer;
import io.maskocr.viewers.pretrain.MilmView;
import io.maskocr.viewers.pretrain.OdmView;
import io.maskocr.viewers.recon.ReconstructionViewer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * A window with the masked-reconstruction, attention, MILM and ODM viewers on one checkpoint (a run's
 * latest). Images: samples of the data the run trained on, or any image file. The checkpoint
 * loads in the background and is closed with the window; MILM probes (hide characters, let the
 * decoder name them) also run in the background, the latest request winning.
 */
public final class InspectWindow {
  private final TaskExecutor executor;
  private final LoadedCheckpoint checkpoint;
  private final ReconstructionService recon;
  private final AttentionInspector attention;
  private final ComboBox<Sample> images = new ComboBox<>();
  private final Tab reconTab = new Tab("Masked reconstruction");
  private final AttentionViewer attentionViewer = new AttentionViewer();
  private final Label status = new Label();
  private final Stage stage = new Stage();
  private final Path checkpointDir;
  private final MilmView milmView = new MilmView(5);
  private final Slider milmRatio = new Slider(0.1, 0.9, 0.5);
  private long milmSeed = 1;
  private long milmRequest;
  private final OdmView odmView = new OdmView(5);
  private final Label odmStatus = new Label("Not computed yet.");
  private final Label odmOrigin = new Label();
  private final CheckBox odmFresh = new CheckBox("Fit a fresh head instead");
  private final Object odmLock = new Object();
  private OdmHeadReader odmHead; // guarded by odmLock; loaded on first use, closed with the window
  private boolean odmHeadFresh; // guarded by odmLock: whether odmHead was fitted on request
  private boolean closed;
  private long odmWord;
  private ReconstructionViewer reconViewer;

  private InspectWindow(TaskExecutor executor, LoadedCheckpoint checkpoint, Path checkpointDir, List<Sample> samples,
      String title) {
    this.executor = executor;
    this.checkpoint = checkpoint;
    this.checkpointDir = checkpointDir;
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
    TabPane tabs = new TabPane(reconTab, new Tab("Per-character attention", attentionViewer),
        new Tab("MILM", milmPane()), new Tab("ODM", odmPane()));
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
        closeOdmHead();
        return null;
      }).quiet());
    });
    if (!samples.isEmpty()) {
      images.setValue(samples.get(0));
    }
  }

  /** Loads the latest checkpoint of {@code runDir} in the background, then opens the window. */
  public static void open(TaskExecutor executor, Path runDir, DataResolver resolver, Window owner, String title,
      java.util.function.Consumer<String> onError) {
    executor.execute(BackgroundTask.of("Loading checkpoint", ctx -> {
      Path dir = Checkpoints.resolve(runDir);
      LoadedCheckpoint c = LoadedCheckpoint.open(dir);
      return new Object[] {c, InspectionImages.of(c, resolver, 12), dir};
    }).onSuccess(v -> {
      @SuppressWarnings("unchecked")
      List<Sample> samples = (List<Sample>) v[1];
      LoadedCheckpoint c = (LoadedCheckpoint) v[0];
      InspectWindow w = new InspectWindow(executor, c, (Path) v[2], samples, title + " · checkpoint " + c.id());
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
    probeMilm();
  }

  /** The MILM tab: share of characters to hide, a button for another random choice, the view. */
  private VBox milmPane() {
    milmView.setId("inspect-milm");
    milmRatio.setShowTickLabels(true);
    milmRatio.setMajorTickUnit(0.2);
    milmRatio.setPrefWidth(240);
    milmRatio.valueChangingProperty().addListener((o, was, now) -> {
      if (!now) {
        probeMilm();
      }
    });
    Button again = new Button("Hide other characters");
    again.setOnAction(e -> {
      milmSeed++;
      probeMilm();
    });
    HBox bar = new HBox(10, new Label("Share of characters hidden"), milmRatio, again);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    Label why = new Label("MaskOCR's MILM stage: the strips of some characters are erased and the decoder must name "
        + "them from the rest of the word. Orange chips are hidden characters; green = decoder right, red = wrong.");
    why.setWrapText(true);
    why.setPadding(new Insets(0, 8, 0, 8));
    return new VBox(4, bar, why, milmView);
  }

  /** The ODM tab: a button that draws a synthetic word with the checkpoint's ODM pixel head. */
  private VBox odmPane() {
    odmView.setId("inspect-odm");
    odmStatus.setId("inspect-odm-status");
    odmOrigin.setId("inspect-odm-origin");
    Button run = new Button("Show a word");
    run.setId("inspect-odm-run");
    run.setOnAction(e -> probeOdm(run));
    odmFresh.setId("inspect-odm-fresh");
    odmFresh.setTooltip(new Tooltip("Fit a head for " + OdmHeadReader.FIT_STEPS + " steps on the "
        + "frozen encoder even when the run trained one: after fine-tuning moved the encoder, compare the two"));
    odmFresh.selectedProperty().addListener((o, a, b) -> odmStatus.setText("The next word loads the "
        + (b ? "fitted" : "trained") + " head."));
    HBox bar = new HBox(10, run, odmFresh, odmStatus);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    Label why = new Label("ODM pre-trains the encoder with a light pixel head that redraws a styled word as clean "
        + "black-on-white text from a prompt. A run with an odm stage keeps the head it trained; for any other "
        + "checkpoint a fresh head is fitted for " + OdmHeadReader.FIT_STEPS + " steps on its frozen encoder.");
    why.setWrapText(true);
    why.setPadding(new Insets(0, 8, 0, 8));
    odmOrigin.setWrapText(true);
    odmOrigin.setPadding(new Insets(0, 8, 0, 8));
    return new VBox(4, bar, why, odmOrigin, odmView);
  }

  /** Loads the head once (fitting one when the checkpoint has none), then draws the next word. */
  private void probeOdm(Button run) {
    run.setDisable(true);
    long word = odmWord++;
    boolean fresh = odmFresh.isSelected();
    odmStatus.setText("Drawing (the first word loads the head, fitting one if needed)…");
    executor.execute(BackgroundTask.of("ODM head", ctx -> {
      synchronized (odmLock) {
        if (odmHead != null && odmHeadFresh != fresh) {
          odmHead.close(); // the other kind of head was asked for
          odmHead = null;
        }
        if (odmHead == null && !closed) {
          odmHead = OdmHeadReader.open(checkpointDir, OdmHeadReader.FIT_STEPS, 1, !fresh);
          odmHeadFresh = fresh;
        }
        if (odmHead == null) {
          throw new IllegalStateException("the window was closed");
        }
        return new Object[] {odmHead.word(word), odmHead.origin()};
      }
    }).onSuccess(v -> {
      odmView.show((OdmProbe.Result) v[0]);
      odmOrigin.setText((String) v[1]);
      odmStatus.setText("Click again for another word.");
    })
        .onFailure(e -> odmStatus.setText("ODM head failed: " + e.getMessage()))
        .onFinished(() -> run.setDisable(false)));
  }

  private void closeOdmHead() {
    synchronized (odmLock) {
      closed = true;
      if (odmHead != null) {
        odmHead.close();
        odmHead = null;
      }
    }
  }

  /** Runs a MILM probe of the selected image on the checkpoint in the background; the latest wins. */
  private void probeMilm() {
    Sample s = images.getValue();
    if (s == null) {
      return;
    }
    long request = ++milmRequest;
    double ratio = milmRatio.getValue();
    long seed = milmSeed;
    executor.execute(BackgroundTask.of("MILM probe of " + s.id(), ctx -> MilmProbe.run(checkpointDir, s, ratio, seed))
        .quiet()
        .onSuccess(r -> {
          if (request == milmRequest) {
            milmView.show(r);
          }
        })
        .onFailure(e -> status.setText("MILM probe failed: " + e.getMessage())));
  }

  Stage stage() {
    return stage;
  }
}
