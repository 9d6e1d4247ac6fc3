package io.maskocr.app.ui.annotate;

import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Split;
import io.maskocr.viewers.charts.Rasters;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/**
 * The Annotate section: toolbar (dataset, checkpoint, predict, fine-tune, export, annotator),
 * filter bar with counts, the queue on the left, the work view in the middle (large image,
 * attention overlay, editable text tinted by confidence), history and session figures on the
 * right. Keyboard-first: see {@link CheatSheet}. The view only binds and forwards keys.
 */
public final class AnnotateView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final AnnotateViewModel model;
  private final ModelActions actions;
  private final StackPane root = new StackPane();
  private final TextField text = new TextField();
  private final TintedText tinted = new TintedText();
  private final ImageView picture = new ImageView();
  private final ImageView overlay = new ImageView();
  private final CheatSheet cheatSheet = new CheatSheet();
  private final ListView<QueueItem> queue = new ListView<>();
  private final ListView<LabelEntry> history = new ListView<>();

  public AnnotateView(AnnotateViewModel model) {
    this.model = model;
    this.actions = model.actions();
    BorderPane main = new BorderPane();
    main.setTop(new VBox(toolbar(), filterBar()));
    main.setLeft(queuePane());
    main.setCenter(workPane());
    main.setRight(sidePane());
    root.getChildren().setAll(main, cheatSheet);
    StackPane.setAlignment(cheatSheet, Pos.CENTER);
    root.setId("annotate-root");
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    // the sheet's keys work wherever the focus is (navigation rail, status bar) while the
    // section is showing: the filters sit on the scene and leave it with the section
    root.sceneProperty().addListener((o, old, now) -> {
      if (old != null) {
        old.removeEventFilter(KeyEvent.KEY_PRESSED, sheetKeys);
        old.removeEventFilter(KeyEvent.KEY_TYPED, questionMark);
      }
      if (now != null) {
        now.addEventFilter(KeyEvent.KEY_PRESSED, sheetKeys);
        now.addEventFilter(KeyEvent.KEY_TYPED, questionMark);
      }
    });
    // closing the sheet hands the keyboard back to the text, wherever the focus was
    cheatSheet.visibleProperty().addListener((o, was, is) -> {
      if (!is) {
        text.requestFocus();
      }
    });
    model.conflictProperty().addListener((o, was, now) -> {
      if (now != null) {
        Platform.runLater(() -> askAboutConflict(now));
      }
    });
    model.currentProperty().addListener((o, a, b) -> {
      if (b != null) {
        queue.getSelectionModel().select(model.indexProperty().get());
        queue.scrollTo(Math.max(0, model.indexProperty().get() - 3));
        text.requestFocus();
        text.end();
      }
    });
  }

  private Node toolbar() {
    ComboBox<Dataset> datasets = new ComboBox<>(model.datasets());
    datasets.setId("annotate-dataset");
    datasets.valueProperty().bindBidirectional(model.datasetProperty());
    datasets.setConverter(new StringConverter<>() {
      @Override
      public String toString(Dataset d) {
        return d == null ? "" : d.name();
      }

      @Override
      public Dataset fromString(String s) {
        return null;
      }
    });
    ComboBox<String> checkpoints = new ComboBox<>(model.checkpoints());
    checkpoints.setId("annotate-checkpoint");
    checkpoints.valueProperty().bindBidirectional(model.checkpointProperty());
    checkpoints.setTooltip(new Tooltip("Checkpoint (run@step; the bundled starter model is starter@step) or external model (NAME (kind)) whose predictions the queue shows"));
    checkpoints.setConverter(new StringConverter<>() {
      @Override
      public String toString(String key) {
        return model.checkpointLabel(key);
      }

      @Override
      public String fromString(String s) {
        return null;
      }
    });
    Button predict = new Button("Predict");
    predict.setId("annotate-predict");
    predict.setTooltip(new Tooltip("Predict the dataset with this checkpoint (resumes where it stopped)"));
    predict.setOnAction(e -> actions.predict());
    Spinner<Integer> steps = new Spinner<>(10, 5000, 150, 50);
    steps.setEditable(true);
    steps.setPrefWidth(90);
    steps.setTooltip(new Tooltip("Fine-tune steps"));
    // A short label keeps the toolbar on one row at the default window size; the tooltip says it all.
    Button finetune = new Button("Fine-tune");
    finetune.setId("annotate-finetune");
    finetune.setTooltip(new Tooltip("Fine-tune this checkpoint on your corrections (steps at left)"));
    finetune.setOnAction(e -> actions.finetune(steps.getValue()));
    ComboBox<ImportFormat> format = new ComboBox<>();
    format.getItems().setAll(ImportFormat.values());
    format.setValue(ImportFormat.TSV);
    Button export = new Button("Export…");
    export.setId("annotate-export");
    export.setOnAction(e -> {
      DirectoryChooser dc = new DirectoryChooser();
      dc.setTitle("Empty folder for the export (one sub-folder per split)");
      File f = dc.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
      if (f != null) {
        actions.export(format.getValue(), f.toPath());
      }
    });
    TextField name = new TextField();
    name.setId("annotate-annotator");
    name.setPromptText("your name");
    name.setPrefColumnCount(7);
    name.textProperty().bindBidirectional(model.annotatorProperty());
    name.setOnAction(e -> {
      model.saveAnnotator();
      text.requestFocus();
    });
    name.focusedProperty().addListener((o, was, is) -> {
      if (was && !is) {
        model.saveAnnotator();
      }
    });
    Button help = new Button("?");
    help.setId("annotate-help");
    help.setOnAction(e -> cheatSheet.setVisible(!cheatSheet.isVisible()));
    datasets.setPromptText("dataset");
    datasets.setTooltip(new Tooltip("Dataset to annotate"));
    checkpoints.setPromptText("checkpoint");
    for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {predict, finetune, export, help}) {
      c.setMinWidth(Region.USE_PREF_SIZE);
    }
    FlowPane bar = new FlowPane(8, 6, datasets, checkpoints, predict, steps, finetune, format, export,
        new Label("Annotator"), name, help);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    return bar;
  }

  private Node filterBar() {
    QueueFilters f = model.filters();
    ComboBox<Split> split = new ComboBox<>();
    split.getItems().setAll(null, Split.TRAIN, Split.VAL, Split.TEST);
    split.setId("annotate-split");
    split.setConverter(new StringConverter<>() {
      @Override
      public String toString(Split s) {
        return s == null ? "all splits" : s.code();
      }

      @Override
      public Split fromString(String s) {
        return null;
      }
    });
    split.valueProperty().bindBidirectional(f.splitProperty());
    Spinner<Double> minC = new Spinner<>(0.0, 1.0, 0.0, 0.05);
    Spinner<Double> maxC = new Spinner<>(0.0, 1.0, 1.0, 0.05);
    minC.setId("annotate-min-confidence");
    maxC.setId("annotate-max-confidence");
    minC.valueProperty().addListener((o, a, b) -> f.minConfidenceProperty().set(b));
    maxC.valueProperty().addListener((o, a, b) -> f.maxConfidenceProperty().set(b));
    Spinner<Integer> minL = new Spinner<>(0, QueueFilters.MAX_LENGTH, 0);
    Spinner<Integer> maxL = new Spinner<>(0, QueueFilters.MAX_LENGTH, QueueFilters.MAX_LENGTH);
    minL.setId("annotate-min-length");
    maxL.setId("annotate-max-length");
    minL.valueProperty().addListener((o, a, b) -> f.minLengthProperty().set(b));
    maxL.valueProperty().addListener((o, a, b) -> f.maxLengthProperty().set(b));
    for (Spinner<?> s : new Spinner<?>[] {minC, maxC, minL, maxL}) {
      s.setPrefWidth(80);
      s.setEditable(true);
    }
    ComboBox<LabelState> state = new ComboBox<>();
    state.setId("annotate-label-state");
    state.getItems().setAll(LabelState.values());
    state.valueProperty().bindBidirectional(f.labelStateProperty());
    CheckBox disagree = new CheckBox("model disagrees with label");
    disagree.setId("annotate-disagrees");
    disagree.selectedProperty().bindBidirectional(f.disagreesOnlyProperty());
    CheckBox review = new CheckBox("check teammates' labels");
    review.setId("annotate-review");
    review.setTooltip(new javafx.scene.control.Tooltip("The review queue: labels other people saved that nobody has"
        + " checked yet. Enter keeps one (your entry records the check), a new text corrects it."));
    review.selectedProperty().bindBidirectional(f.reviewProperty());
    Label counts = new Label();
    counts.setId("annotate-counts");
    counts.textProperty().bind(model.countsProperty());
    Label agreement = new Label();
    agreement.setId("annotate-agreement");
    agreement.textProperty().bind(model.agreementProperty());
    FlowPane bar = new FlowPane(8, 6, split, new Label("confidence"), minC, new Label("to"), maxC,
        new Label("length"), minL, new Label("to"), maxL, state, disagree, review, counts, agreement);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 8, 8, 8));
    return bar;
  }

  private Node queuePane() {
    queue.setId("annotate-queue");
    queue.setItems(model.items());
    queue.setPrefWidth(220);
    queue.setFocusTraversable(false);
    queue.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(QueueItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
          setText(null);
          return;
        }
        String label = item.sample().label();
        setText(String.format("%.3f  %s%s", item.prediction().confidence(), item.prediction().text(),
            label == null ? "" : "  → " + label));
      }
    });
    queue.setOnMouseClicked(e -> {
      int i = queue.getSelectionModel().getSelectedIndex();
      if (i >= 0 && i != model.indexProperty().get()) {
        model.show(i);
      }
    });
    return queue;
  }

  private Node workPane() {
    picture.setPreserveRatio(true);
    picture.setFitWidth(560);
    picture.setFitHeight(200);
    picture.setSmooth(true);
    picture.setId("annotate-image");
    overlay.setPreserveRatio(true);
    overlay.setFitWidth(560);
    overlay.setFitHeight(200);
    overlay.setSmooth(false);
    overlay.setId("annotate-attention");
    overlay.visibleProperty().bind(model.attentionVisibleProperty().and(overlay.imageProperty().isNotNull()));
    picture.visibleProperty().bind(overlay.visibleProperty().not());
    model.imageProperty().addListener((o, a, img) ->
        picture.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null)));
    StackPane imageBox = new StackPane(picture, overlay);
    imageBox.setMinHeight(210);
    imageBox.setStyle("-fx-background-color: #2b2b2b; -fx-background-radius: 6;");
    text.setId("annotate-text");
    text.setStyle("-fx-font-family: monospace; -fx-font-size: 24px;");
    text.textProperty().bindBidirectional(model.textProperty());
    text.caretPositionProperty().addListener((o, a, b) -> selectChar());
    text.textProperty().addListener((o, a, b) -> retint());
    model.currentProperty().addListener((o, a, b) -> retint());
    model.selectedCharProperty().addListener((o, a, b) -> {
      retint();
      drawOverlay();
    });
    model.attentionProperty().addListener((o, a, b) -> drawOverlay());
    tinted.setId("annotate-tinted");
    Label prediction = new Label();
    prediction.setId("annotate-prediction");
    prediction.textProperty().bind(Bindings.createStringBinding(() -> {
      QueueItem c = model.currentProperty().get();
      if (c == null) {
        return "Nothing in the queue.";
      }
      String label = c.sample().label();
      return String.format("model (%s): \"%s\"  confidence %.3f   ·   label: %s   ·   %s, %s", c.prediction().checkpoint(),
          c.prediction().text(), c.prediction().confidence(), label == null ? "none" : "\"" + label + "\"",
          c.sample().split().code(), c.sample().originalName());
    }, model.currentProperty()));
    ToggleButton attention = new ToggleButton();
    attention.setId("annotate-attention-toggle");
    attention.selectedProperty().bindBidirectional(model.attentionVisibleProperty());
    attention.setText("Attention ^T");
    attention.setMinWidth(Region.USE_PREF_SIZE);
    attention.setFocusTraversable(false);
    Button save = button("Save ⏎", "annotate-save", model::save);
    Button skip = button("Skip Esc", "annotate-skip", model::skip);
    Button illegible = button("Illegible ^L", "annotate-illegible", model::markIllegible);
    Button reread = button("Re-read ^R", "annotate-reread", model::rerecognize);
    Button undo = button("Undo ^Z", "annotate-undo", model::undo);
    Button redo = button("Redo ⇧^Z", "annotate-redo", model::redo);
    // Undo and Redo stay together when a narrow window wraps the row
    FlowPane buttons = new FlowPane(6, 6, save, skip, illegible, reread, attention, new HBox(6, undo, redo));
    Label message = new Label();
    message.setId("annotate-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    Label finetune = new Label();
    finetune.setId("annotate-finetune-result");
    finetune.setWrapText(true);
    finetune.setStyle("-fx-font-weight: bold;");
    finetune.textProperty().bind(actions.finetuneResultProperty());
    VBox work = new VBox(12, imageBox, textRow(), tinted, prediction, buttons, message, finetune);
    work.setPadding(new Insets(8, 12, 8, 12));
    return work;
  }

  /**
   * The text field and, for a labelled item the model reads differently, that reading beside
   * it as a button (Ctrl+M): the field holds the label, so the reading is taken on purpose.
   */
  private Node textRow() {
    Button take = new Button();
    take.setId("annotate-take-reading");
    take.setMinWidth(Region.USE_PREF_SIZE);
    take.setFocusTraversable(false);
    take.setStyle("-fx-font-family: monospace;");
    take.textProperty().bind(Bindings.createStringBinding(
        () -> "model: \"" + model.offeredReadingProperty().get() + "\"  ^M", model.offeredReadingProperty()));
    take.setTooltip(new Tooltip("The item already has a label (in the field). Ctrl+M puts the model's reading"
        + " in the field instead; Ctrl+M again puts the label back; Enter saves what the field shows."));
    take.visibleProperty().bind(model.offeredReadingProperty().isNotNull());
    take.managedProperty().bind(take.visibleProperty());
    take.setOnAction(e -> {
      model.takeModelReading();
      text.requestFocus();
      text.end();
    });
    HBox row = new HBox(8, text, take);
    row.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(text, Priority.ALWAYS);
    return row;
  }

  private Node sidePane() {
    history.setId("annotate-history");
    history.setItems(model.history());
    history.setPrefWidth(250);
    history.setFocusTraversable(false);
    history.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(LabelEntry e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null) {
          setText(null);
          return;
        }
        String what = switch (e.kind()) {
          case TEXT -> "\"" + e.text() + "\"";
          case ILLEGIBLE -> "(illegible)";
          case CLEARED -> "(no label)";
        };
        setText(what + "\n" + e.source().code() + " · " + e.author() + " · " + TIME.format(e.time()));
      }
    });
    Button restore = new Button("Restore selected label");
    restore.setId("annotate-restore");
    restore.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
    restore.setOnAction(e -> {
      model.restore(history.getSelectionModel().getSelectedItem());
      text.requestFocus();
    });
    Label stats = new Label();
    stats.setId("annotate-stats");
    stats.setWrapText(true);
    stats.textProperty().bind(model.statsProperty());
    Label title = new Label("Label history");
    title.setStyle("-fx-font-weight: bold;");
    Label session = new Label("This session");
    session.setStyle("-fx-font-weight: bold;");
    VBox side = new VBox(8, title, history, restore, session, stats);
    VBox.setVgrow(history, Priority.ALWAYS);
    side.setPadding(new Insets(8));
    side.setPrefWidth(260);
    side.setMinWidth(240);
    return side;
  }

  private Button button(String label, String id, Runnable action) {
    Button b = new Button(label);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setFocusTraversable(false);
    b.setOnAction(e -> {
      action.run();
      text.requestFocus();
    });
    return b;
  }

  /** F1 and Ctrl+? toggle the cheat sheet; Esc closes it (and does not skip the item). */
  private final EventHandler<KeyEvent> sheetKeys = e -> {
    KeyCode k = e.getCode();
    if (cheatSheet.isVisible() && k == KeyCode.ESCAPE) {
      cheatSheet.setVisible(false);
    } else if (k == KeyCode.F1 || (e.isShortcutDown() && k == KeyCode.SLASH)) {
      cheatSheet.setVisible(!cheatSheet.isVisible());
    } else {
      return;
    }
    e.consume();
  };

  /** "?" toggles the sheet, except in a text input, where it is text (a label may hold one). */
  private final EventHandler<KeyEvent> questionMark = e -> {
    if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
      cheatSheet.setVisible(!cheatSheet.isVisible());
      e.consume();
    }
  };

  private void onKey(KeyEvent e) {
    KeyCode k = e.getCode();
    boolean handled = true;
    if (k == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && text.isFocused()) {
      model.save();
    } else if (k == KeyCode.ESCAPE) {
      model.skip();
    } else if (e.isShortcutDown() && k == KeyCode.Z) {
      if (e.isShiftDown()) {
        model.redo();
      } else {
        model.undo();
      }
    } else if (e.isAltDown() && k == KeyCode.RIGHT) {
      model.next();
    } else if (e.isAltDown() && k == KeyCode.LEFT) {
      model.previous();
    } else if (e.isShortcutDown() && k == KeyCode.R) {
      model.rerecognize();
    } else if (e.isShortcutDown() && k == KeyCode.L) {
      model.markIllegible();
    } else if (e.isShortcutDown() && k == KeyCode.M) {
      model.takeModelReading();
      text.end();
    } else if (e.isShortcutDown() && k == KeyCode.T) {
      model.attentionVisibleProperty().set(!model.attentionVisibleProperty().get());
    } else {
      handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  private void selectChar() {
    int caret = text.getCaretPosition();
    String t = text.getText() == null ? "" : text.getText();
    int chars = t.codePointCount(0, Math.min(caret, t.length()));
    // the caret sits after the character just typed or passed: that one is "selected"
    model.selectedCharProperty().set(Math.max(0, chars - 1));
  }

  private void retint() {
    QueueItem c = model.currentProperty().get();
    if (c == null) {
      tinted.getChildren().clear();
      return;
    }
    tinted.show(text.getText() == null ? "" : text.getText(), c.prediction().text(), c.prediction().charProbs(),
        model.selectedCharProperty().get());
  }

  private void drawOverlay() {
    AttentionInspection a = model.attentionProperty().get();
    if (a == null || a.characters().isEmpty()) {
      overlay.setImage(null);
      return;
    }
    int k = Math.max(0, Math.min(a.characters().size() - 1, model.selectedCharProperty().get()));
    overlay.setImage(Rasters.overlay(a.image(), a.channels(), a.height(), a.width(), a.attention()[k],
        a.gridHeight(), a.gridWidth(), 4));
  }

  public Node node() {
    return root;
  }

  /** A teammate saved first: their label or yours, nothing lost either way (both are in the history). */
  private void askAboutConflict(io.maskocr.engine.store.SaveResult c) {
    javafx.scene.control.ButtonType theirs = new javafx.scene.control.ButtonType("Keep theirs",
        javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
    javafx.scene.control.ButtonType mine = new javafx.scene.control.ButtonType("Save mine on top",
        javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
        c.theirs().author() + " saved \"" + c.theirs().text() + "\" while you were on this item.\n"
            + "Yours, \"" + c.yours().text() + "\", is kept in the history.", theirs, mine);
    ask.setTitle("Someone labelled this item first");
    ask.setHeaderText("Keep their label, or save yours on top?");
    if (root.getScene() != null) {
      ask.initOwner(root.getScene().getWindow());
    }
    if (ask.showAndWait().filter(mine::equals).isPresent()) {
      model.saveMineOnTop();
    } else {
      model.keepTheirs();
    }
  }
}
