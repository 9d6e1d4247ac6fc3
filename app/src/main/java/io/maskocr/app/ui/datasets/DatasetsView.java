package io.maskocr.app.ui.datasets;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.viewers.grid.ThumbnailCache;
import io.maskocr.viewers.grid.ThumbnailDecoder;
import io.maskocr.viewers.grid.ThumbnailGrid;
import io.maskocr.viewers.grid.TileSource;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The Datasets view: dataset list on the left; search, split filter, split assignment and
 * the thumbnail grid on the right. Binds to {@link DatasetsViewModel}; holds no state of its
 * own beyond the grid's selection.
 */
public final class DatasetsView {
  /** Thumbnail box in pixels: word crops are wide and short. */
  static final int THUMB_W = 140;
  static final int THUMB_H = 50;

  private final DatasetsViewModel model;
  private final StudioContext context;
  private final ImportRunner importer;
  private final BorderPane root = new BorderPane();
  private final ListView<DatasetItem> list = new ListView<>();
  private final CustomTextField search = new CustomTextField();
  private final ThumbnailGrid<Sample> grid;

  public DatasetsView(DatasetsViewModel model, StudioContext context, ImportRunner importer) {
    this.model = model;
    this.context = context;
    this.importer = importer;
    ExecutorService decodePool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "maskocr-thumbnails");
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    });
    // ~2,000 thumbnails of at most 140x50 ARGB = ~56 MB at most.
    ThumbnailCache cache = new ThumbnailCache(2_000, new ThumbnailDecoder(THUMB_W, THUMB_H),
        decodePool, Platform::runLater, brokenImage());
    grid = new ThumbnailGrid<>(new SampleTiles(), cache, THUMB_W, THUMB_H);
    grid.setId("sample-grid");
    grid.itemCountProperty().bind(model.sampleCountProperty());
    model.samples().versionProperty().addListener((obs, a, b) -> grid.refresh());
    // Selections are by index: a new dataset, search or filter makes them meaningless.
    model.samples().newResultsProperty().addListener((obs, a, b) -> grid.selection().clear());

    grid.rowList().setContextMenu(gridMenu());
    grid.setOnOpen(this::openDetails);
    root.getStyleClass().add("datasets-view");
    root.setLeft(sidebar());
    BorderPane main = new BorderPane();
    main.setTop(toolbar());
    main.setCenter(gridWithPlaceholder());
    root.setCenter(main);
    root.sceneProperty().addListener((obs, old, scene) -> installShortcuts(scene));
    model.errorProperty().addListener((obs, old, message) -> {
      if (message != null) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        if (root.getScene() != null) {
          alert.initOwner(root.getScene().getWindow());
        }
        alert.show();
        model.clearError();
      }
    });
  }

  private Node sidebar() {
    Label title = new Label("Datasets");
    title.getStyleClass().add("section-title");
    Button importButton = new Button("Import…", new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
    importButton.setId("import-button");
    importButton.getStyleClass().add(Styles.ACCENT);
    importButton.setTooltip(new Tooltip("Import images and labels (Ctrl+I)"));
    importButton.setOnAction(e -> openImportDialog());
    importButton.disableProperty().bind(context.workspaceProperty().isNull());
    HBox header = new HBox(8, title, spacer(), importButton);
    header.setAlignment(Pos.CENTER_LEFT);

    list.setId("dataset-list");
    list.setItems(model.datasets());
    list.setCellFactory(lv -> new DatasetCell());
    list.setPlaceholder(hint("No datasets yet."));
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && now != model.selectedProperty().get()) {
        model.selectedProperty().set(now);
      }
    });
    model.selectedProperty().addListener((obs, old, now) -> {
      if (now != null && list.getSelectionModel().getSelectedItem() != now) {
        list.getSelectionModel().select(now);
      }
    });
    VBox.setVgrow(list, Priority.ALWAYS);
    VBox box = new VBox(header, list);
    box.getStyleClass().add("datasets-sidebar");
    return box;
  }

  private Node toolbar() {
    search.setId("search-field");
    search.setPromptText("Search labels (Ctrl+F)");
    search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
    search.setPrefWidth(240);
    search.textProperty().bindBidirectional(model.searchTextProperty());
    search.setOnAction(e -> model.applySearch());

    ComboBox<Split> filter = new ComboBox<>();
    filter.setId("split-filter");
    filter.getItems().addAll(null, Split.TRAIN, Split.VAL, Split.TEST);
    filter.setConverter(splitNames("All splits"));
    filter.valueProperty().bindBidirectional(model.splitFilterProperty());
    filter.setTooltip(new Tooltip("Show only one split"));

    Label summary = new Label();
    summary.setId("grid-summary");
    summary.getStyleClass().add("muted");
    summary.textProperty().bind(model.summaryProperty());

    Label selected = new Label();
    selected.setId("selection-count");
    selected.textProperty().bind(Bindings.createStringBinding(
        () -> grid.selection().countProperty().get() == 0 ? ""
            : DatasetItem.format(grid.selection().countProperty().get()) + " selected",
        grid.selection().countProperty()));
    Label setSplit = new Label("Set split:");
    setSplit.getStyleClass().add("muted");
    HBox splitButtons = new HBox(4, setSplit);
    splitButtons.setAlignment(Pos.CENTER_LEFT);
    for (Split s : Split.values()) {
      Button b = new Button(s.code());
      b.setId("split-" + s.code());
      b.getStyleClass().add(Styles.SMALL);
      b.setTooltip(new Tooltip("Move the selected samples to " + s.code()));
      b.setOnAction(e -> assignSplit(s));
      splitButtons.getChildren().add(b);
    }
    splitButtons.disableProperty().bind(grid.selection().countProperty().isEqualTo(0));

    HBox bar = new HBox(10, search, filter, summary, spacer(), selected, splitButtons);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("datasets-toolbar");
    return bar;
  }

  /** Double-click on a tile: the sample at a readable size with its label history. */
  private void openDetails(int index) {
    Sample sample = model.samples().peek(index);
    if (sample == null || context.workspace() == null) {
      return;
    }
    SampleDetailsViewModel vm = new SampleDetailsViewModel(context.executor(),
        context.workspace(), sample, SampleDetailsDialog.MAX_W, SampleDetailsDialog.MAX_H);
    new SampleDetailsDialog(vm, root.getScene() == null ? null : root.getScene().getWindow())
        .show();
  }

  private ContextMenu gridMenu() {
    ContextMenu menu = new ContextMenu();
    for (Split s : Split.values()) {
      MenuItem item = new MenuItem("Move selected to " + s.code());
      item.disableProperty().bind(grid.selection().countProperty().isEqualTo(0));
      item.setOnAction(e -> assignSplit(s));
      menu.getItems().add(item);
    }
    // Ctrl+A itself is handled by the grid, so a text field keeps its own Ctrl+A.
    MenuItem all = new MenuItem("Select all (Ctrl+A)");
    all.setOnAction(e -> grid.selection().selectAll(model.sampleCountProperty().get()));
    MenuItem none = new MenuItem("Select none");
    none.setOnAction(e -> grid.selection().clear());
    menu.getItems().addAll(new SeparatorMenuItem(), all, none);
    return menu;
  }

  private void assignSplit(Split split) {
    int count = grid.selection().countProperty().get();
    boolean all = count == model.sampleCountProperty().get();
    model.assignSplit(grid.selection().indices(), all, split);
  }

  private Node gridWithPlaceholder() {
    Label empty = hint("");
    empty.setId("grid-hint");
    empty.textProperty().bind(Bindings.createStringBinding(() -> {
      if (context.workspace() == null) {
        return "Opening workspace…";
      }
      if (model.datasets().isEmpty()) {
        return "This workspace has no datasets yet: Import… (Ctrl+I) adds a folder of images.";
      }
      return model.searchTextProperty().get().isBlank() ? "This dataset is empty."
          : "No sample label contains \"" + model.searchTextProperty().get().strip() + "\".";
    }, context.workspaceProperty(), model.datasets(), model.searchTextProperty()));
    empty.visibleProperty().bind(model.sampleCountProperty().isEqualTo(0));
    empty.setMouseTransparent(true);
    return new StackPane(grid, empty);
  }

  private void installShortcuts(Scene scene) {
    if (scene == null) {
      return;
    }
    scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+I"), () -> {
      if (root.isVisible() && root.getParent() != null && context.workspace() != null) {
        openImportDialog();
      }
    });
    scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), () -> {
      if (root.getParent() != null) {
        search.requestFocus();
        search.selectAll();
      }
    });
  }

  /** Opens the import dialog (also bound to Ctrl+I). */
  public void openImportDialog() {
    ImportViewModel vm = new ImportViewModel(context.executor(), context::workspace, importer,
        summary -> model.reloadDatasets(summary == null ? null : summary.dataset()));
    new ImportDialog(vm, root.getScene() == null ? null : root.getScene().getWindow()).show();
  }

  public Node node() {
    return root;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }

  private static Label hint(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("empty-hint");
    l.setWrapText(true);
    return l;
  }

  static StringConverter<Split> splitNames(String nullName) {
    return new StringConverter<>() {
      @Override
      public String toString(Split s) {
        return s == null ? nullName : s.code();
      }

      @Override
      public Split fromString(String text) {
        return text == null || text.equals(nullName) ? null : Split.parse(text);
      }
    };
  }

  /** A mid-grey cross-hatched tile for images that cannot be decoded. */
  private static WritableImage brokenImage() {
    WritableImage img = new WritableImage(THUMB_W / 3, THUMB_H / 2);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        boolean line = (x + y) % 6 == 0 || (x - y + 600) % 6 == 0;
        img.getPixelWriter().setArgb(x, y, line ? 0xFFB04040 : 0xFFE0E0E0);
      }
    }
    return img;
  }

  /** Feeds the grid from the view model's pager. */
  private final class SampleTiles implements TileSource<Sample> {
    @Override
    public Sample itemAt(int index) {
      return model.samples().at(index);
    }

    @Override
    public String caption(Sample s) {
      return s.label();
    }

    @Override
    public String thumbnailKey(Sample s) {
      return s.sha256();
    }

    @Override
    public Path thumbnailFile(Sample s) {
      return model.imagePath(s);
    }

    @Override
    public String badge(Sample s) {
      return s.split() == null ? null : s.split().code();
    }
  }

  /** Two lines: name, then counts and splits. */
  private static final class DatasetCell extends ListCell<DatasetItem> {
    private final Label name = new Label();
    private final Label counts = new Label();
    private final Label splits = new Label();
    private final VBox box = new VBox(2, name, counts, splits);

    DatasetCell() {
      getStyleClass().add("dataset-cell");
      name.getStyleClass().add("dataset-name");
      counts.getStyleClass().add("dataset-counts");
      splits.getStyleClass().add("dataset-counts");
    }

    @Override
    protected void updateItem(DatasetItem item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      name.setText(item.name());
      counts.setText(item.countsLine());
      splits.setText(item.splitsLine());
      setGraphic(box);
    }
  }
}
