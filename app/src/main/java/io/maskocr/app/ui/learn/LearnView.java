package io.maskocr.app.ui.learn;

import io.maskocr.engine.learn.BundledSamples;
import io.maskocr.engine.learn.LearnProgress;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Learn section's view: step list, the current step (words, real numbers, live view),
 * picture chooser (bundled samples, file chooser, drag and drop), model progress, and
 * back/next (buttons, PageUp/PageDown, Alt+Left/Right). Binds to {@link LearnViewModel}.
 */
public final class LearnView implements AutoCloseable {
  private final LearnViewModel model;
  private final List<LearnStep> steps;
  private final BorderPane root = new BorderPane();
  private final ListView<String> list = new ListView<>();
  private final Label number = new Label();
  private final Label title = new Label();
  private final Label explanation = new Label();
  private final Label paper = new Label();
  private final Hyperlink link = new Hyperlink();
  private final Label facts = new Label();
  private final StackPane stepHost = new StackPane();
  private final ComboBox<BundledSamples.Entry> sample = new ComboBox<>();
  private final Button back = new Button("◀ Back");
  private final Button next = new Button("Next ▶");
  private boolean syncing;

  /** A view of {@code model} showing {@code steps} (one per step of the model). */
  public LearnView(LearnViewModel model, List<LearnStep> steps) {
    this.model = model;
    this.steps = steps;
    root.getStyleClass().add("learn-view");
    root.setId("learn-root");
    root.getStylesheets().add(LearnView.class.getResource("learn.css").toExternalForm());
    root.setTop(header());
    root.setLeft(stepList());
    root.setCenter(center());
    root.setBottom(footer());
    keyboardAndDrop();
    model.stepProperty().addListener((o, a, b) -> showStep());
    model.inputProperty().addListener((o, a, b) -> {
      showInput();
      current().show(b);
    });
    model.samplesProperty().addListener((o, a, b) -> sample.getItems().setAll(b.entries()));
    showStep();
  }

  /** A view of {@code model} with the standard eight steps. */
  public static LearnView standard(LearnViewModel model, io.maskocr.app.ui.task.TaskExecutor executor) {
    return new LearnView(model, LearnSteps.create(executor, () -> model.samplesProperty().get()));
  }

  private Node header() {
    number.setId("learn-step-number");
    number.getStyleClass().add("learn-step-number");
    title.setId("learn-step-title");
    title.getStyleClass().add("learn-title");
    sample.setId("learn-sample");
    sample.setPrefWidth(220);
    sample.setVisibleRowCount(14);
    sample.setConverter(new StringConverter<>() {
      @Override
      public String toString(BundledSamples.Entry e) {
        return e == null ? "" : (e.index() + 1) + " · " + e.label();
      }

      @Override
      public BundledSamples.Entry fromString(String s) {
        return null;
      }
    });
    sample.valueProperty().addListener((o, a, b) -> {
      if (!syncing && b != null) {
        model.useSample(b.index());
      }
    });
    Button open = new Button("Your own picture…");
    open.setId("learn-open");
    open.setOnAction(e -> chooseFile());
    Label drop = new Label("or drop an image here");
    drop.getStyleClass().add("learn-caption");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(10, number, title, spacer, new Label("Picture"), sample, open, drop);
    top.setAlignment(Pos.CENTER_LEFT);

    ProgressBar progress = new ProgressBar();
    progress.setId("learn-model-progress");
    progress.setPrefWidth(160);
    progress.progressProperty().bind(model.modelProgressProperty());
    progress.visibleProperty().bind(model.modelProgressProperty().isNotEqualTo(1.0, 1e-9));
    progress.managedProperty().bind(progress.visibleProperty());
    Label status = new Label();
    status.setId("learn-model-status");
    status.textProperty().bind(model.modelStatusProperty());
    Label error = new Label();
    error.setId("learn-error");
    error.getStyleClass().add("learn-error");
    error.textProperty().bind(model.errorProperty());
    javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
    cancel.setId("learn-model-cancel");
    cancel.setOnAction(e -> model.cancelModel());
    cancel.visibleProperty().bind(model.preparingProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    HBox modelRow = new HBox(10, progress, status, cancel, error);
    modelRow.setAlignment(Pos.CENTER_LEFT);
    modelRow.getStyleClass().add("learn-model-row");
    VBox box = new VBox(6, top, modelRow);
    box.setPadding(new Insets(10, 12, 8, 12));
    box.getStyleClass().add("learn-header");
    return box;
  }

  private Node stepList() {
    list.setId("learn-steps");
    for (int i = 0; i < steps.size(); i++) {
      list.getItems().add((i + 1) + ". " + steps.get(i).info().title());
    }
    list.setPrefWidth(290);
    list.setMinWidth(290);
    list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
      if (!syncing && b.intValue() >= 0) {
        model.goTo(b.intValue());
      }
    });
    return list;
  }

  private Node center() {
    explanation.setWrapText(true);
    explanation.setId("learn-explanation");
    explanation.getStyleClass().add("learn-explanation");
    paper.setWrapText(true);
    paper.getStyleClass().add("learn-paper");
    link.setId("learn-paper-link");
    link.setOnAction(e -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(link.getText());
      Clipboard.getSystemClipboard().setContent(c);
      link.setVisited(true);
      link.setTooltip(new javafx.scene.control.Tooltip("link copied to the clipboard"));
    });
    facts.setId("learn-facts");
    facts.setWrapText(true);
    facts.getStyleClass().add("learn-facts");
    facts.setMaxWidth(Double.MAX_VALUE);
    Label from = new Label("From the paper:");
    from.setMinWidth(Region.USE_PREF_SIZE);
    link.setMinWidth(Region.USE_PREF_SIZE);
    HBox paperRow = new HBox(6, from, paper, link);
    paperRow.setAlignment(Pos.BASELINE_LEFT);
    HBox.setHgrow(paper, Priority.ALWAYS);
    paper.setMaxWidth(Double.MAX_VALUE);
    stepHost.setAlignment(Pos.TOP_LEFT);
    VBox content = new VBox(10, explanation, paperRow, facts, stepHost);
    content.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setId("learn-scroll");
    return scroll;
  }

  private Node footer() {
    back.setId("learn-back");
    next.setId("learn-next");
    back.setOnAction(e -> model.back());
    next.setOnAction(e -> model.next());
    Label hint = new Label("PageUp / PageDown or Alt+← / Alt+→ to move between steps; you resume here next time");
    hint.getStyleClass().add("learn-caption");
    HBox bar = new HBox(10, back, next, hint);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("learn-footer");
    return bar;
  }

  private void keyboardAndDrop() {
    // A filter, so sliders and scroll panes do not swallow PageUp/PageDown first.
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.PAGE_DOWN || (e.isAltDown() && e.getCode() == KeyCode.RIGHT)) {
        model.next();
        e.consume();
      } else if (e.getCode() == KeyCode.PAGE_UP || (e.isAltDown() && e.getCode() == KeyCode.LEFT)) {
        model.back();
        e.consume();
      }
    });
    root.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    root.setOnDragDropped(e -> {
      boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
      if (ok) {
        model.useFile(e.getDragboard().getFiles().get(0).toPath());
      }
      e.setDropCompleted(ok);
      e.consume();
    });
  }

  private void chooseFile() {
    FileChooser fc = new FileChooser();
    fc.setTitle("Choose a picture of one word");
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
    File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
    if (f != null) {
      model.useFile(f.toPath());
    }
  }

  private LearnStep current() {
    return steps.get(Math.max(0, Math.min(steps.size() - 1, model.stepProperty().get())));
  }

  private void showStep() {
    int i = model.stepProperty().get();
    LearnStep s = current();
    syncing = true;
    list.getSelectionModel().select(i);
    syncing = false;
    list.scrollTo(Math.max(0, i - 2));
    number.setText("Step " + (i + 1) + " of " + steps.size());
    title.setText(s.info().title());
    explanation.setText(s.info().explanation());
    paper.setText(s.info().paper());
    link.setText(s.info().url());
    facts.textProperty().unbind();
    facts.textProperty().bind(s.factsProperty().map(t -> t.isEmpty() ? "In numbers: waiting for the model…"
        : "In numbers: " + t));
    stepHost.getChildren().setAll(s.view());
    back.setDisable(i == 0);
    next.setDisable(i == steps.size() - 1);
    s.show(model.inputProperty().get());
  }

  private void showInput() {
    var in = model.inputProperty().get();
    if (in == null) {
      return;
    }
    int idx = new LearnProgress(0, in.image().source()).sampleIndex();
    syncing = true;
    sample.setValue(idx >= 0 && idx < sample.getItems().size() ? sample.getItems().get(idx) : null);
    if (idx < 0) {
      sample.setPromptText(in.image().name());
    }
    syncing = false;
  }

  /** The section's root node. */
  public Node node() {
    return root;
  }

  /** The view model. */
  public LearnViewModel model() {
    return model;
  }

  /** Step {@code i} (tests read its facts). */
  public LearnStep step(int i) {
    return steps.get(i);
  }

  @Override
  public void close() {
    steps.forEach(LearnStep::close);
    model.close();
  }
}
