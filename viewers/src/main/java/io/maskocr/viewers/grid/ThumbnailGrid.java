package io.maskocr.viewers.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * A virtualized grid of thumbnails with captions. Only the rows on screen exist as nodes
 * (a {@link ListView} of row indices with a fixed cell height does the virtualization), items
 * are asked for lazily through a {@link TileSource}, and thumbnails come from a shared
 * {@link ThumbnailCache}; so 100,000 items cost no more than 100.
 *
 * @param <T> the item type
 */
public final class ThumbnailGrid<T> extends StackPane {
  private static final double GAP = 6;
  private static final double ROW_PADDING = 6;
  private static final double SCROLLBAR = 24;
  /** Smallest tile width and the tile height in pixels (thumbnail box plus caption). */
  private final double tileWidth;
  /** Tiles stretch to fill the row, so no ragged gap is left on the right. */
  private final DoubleProperty actualTileWidth =
      new SimpleDoubleProperty(this, "actualTileWidth");
  private final double tileHeight;
  private final double thumbWidth;
  private final double thumbHeight;
  private final ListView<Integer> rows = new ListView<>();
  private final RowIndexList rowIndices = new RowIndexList();
  private final IntegerProperty itemCount = new SimpleIntegerProperty(this, "itemCount");
  private final ReadOnlyIntegerWrapper columns = new ReadOnlyIntegerWrapper(this, "columns", 1);
  private final TileSelection selection = new TileSelection();
  private final Set<RowCell> liveCells = Collections.newSetFromMap(new WeakHashMap<>());
  private final TileSource<T> source;
  private final ThumbnailCache thumbnails;
  private IntConsumer onOpen = i -> {};

  /**
   * @param source lazily supplies items
   * @param thumbnails decodes and caches thumbnails
   * @param thumbWidth thumbnail box width (should match the cache's decoder)
   * @param thumbHeight thumbnail box height
   */
  public ThumbnailGrid(TileSource<T> source, ThumbnailCache thumbnails,
      double thumbWidth, double thumbHeight) {
    this.source = source;
    this.thumbnails = thumbnails;
    this.thumbWidth = thumbWidth;
    this.thumbHeight = thumbHeight;
    this.tileWidth = thumbWidth + 16;
    this.tileHeight = thumbHeight + 34;
    actualTileWidth.set(tileWidth);
    getStyleClass().add("thumbnail-grid");
    rows.setItems(rowIndices);
    rows.setFixedCellSize(tileHeight + GAP);
    rows.setCellFactory(lv -> {
      RowCell cell = new RowCell();
      liveCells.add(cell);
      return cell;
    });
    rows.setFocusTraversable(true);
    getChildren().add(rows);

    itemCount.addListener((obs, a, b) -> relayout());
    rows.widthProperty().addListener((obs, a, b) -> relayout());
    selection.versionProperty().addListener((obs, a, b) -> liveCells.forEach(RowCell::paintSelection));
    rows.setOnKeyPressed(e -> {
      if (e.isShortcutDown() && e.getCode() == KeyCode.A) {
        selection.selectAll(itemCount.get());
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        selection.clear();
      }
    });
  }

  private void relayout() {
    // Reserve the vertical scroll bar (so columns do not change when it appears), the row
    // padding, and one gap per tile: n tiles need n * (tile + gap) - gap pixels.
    double usable = Math.max(0, rows.getWidth() - SCROLLBAR - 2 * ROW_PADDING);
    int cols = Math.max(1, (int) ((usable + GAP) / (tileWidth + GAP)));
    actualTileWidth.set(Math.max(tileWidth, (usable - (cols - 1) * GAP) / cols));
    columns.set(cols);
    int count = itemCount.get();
    rowIndices.setSize((count + cols - 1) / cols);
    refresh();
  }

  /** Re-asks the source for every visible item (call when a page has loaded). */
  public void refresh() {
    for (RowCell cell : liveCells) {
      cell.refreshIfShown();
    }
  }

  /** Scrolls so that item {@code index} is visible. */
  public void scrollToItem(int index) {
    rows.scrollTo(index / columns.get());
  }

  public IntegerProperty itemCountProperty() {
    return itemCount;
  }

  /** Tiles per row at the current width. */
  public ReadOnlyIntegerProperty columnsProperty() {
    return columns.getReadOnlyProperty();
  }

  public TileSelection selection() {
    return selection;
  }

  /** Called with the index of a double-clicked tile. */
  public void setOnOpen(IntConsumer handler) {
    this.onOpen = handler;
  }

  /** The row list (for focus and keyboard handling by the hosting view). */
  public ListView<Integer> rowList() {
    return rows;
  }

  /** One tile: thumbnail box, caption and corner badge. */
  private final class Tile extends StackPane {
    private final ImageView image = new ImageView();
    private final Label caption = new Label();
    private final Label badge = new Label();
    private int index = -1;
    private String key;
    private ThumbnailCache.Request pending = () -> {};

    Tile() {
      getStyleClass().add("thumbnail-tile");
      prefWidthProperty().bind(actualTileWidth);
      minWidthProperty().bind(actualTileWidth);
      maxWidthProperty().bind(actualTileWidth);
      setPrefHeight(tileHeight);
      setMinHeight(tileHeight);
      setMaxHeight(tileHeight);
      StackPane imageBox = new StackPane(image);
      imageBox.getStyleClass().add("thumbnail-image-box");
      imageBox.setPrefSize(thumbWidth, thumbHeight);
      imageBox.setMaxSize(thumbWidth, thumbHeight);
      caption.getStyleClass().add("thumbnail-caption");
      caption.setAlignment(Pos.CENTER);
      caption.maxWidthProperty().bind(actualTileWidth.subtract(8));
      caption.setTextOverrun(OverrunStyle.ELLIPSIS);
      badge.getStyleClass().add("thumbnail-badge");
      StackPane.setAlignment(imageBox, Pos.TOP_CENTER);
      StackPane.setMargin(imageBox, new Insets(6, 0, 0, 0));
      StackPane.setAlignment(caption, Pos.BOTTOM_CENTER);
      StackPane.setMargin(caption, new Insets(0, 4, 4, 4));
      StackPane.setAlignment(badge, Pos.TOP_RIGHT);
      getChildren().addAll(imageBox, caption, badge);
      setOnMouseClicked(e -> {
        if (index < 0 || e.getButton() != MouseButton.PRIMARY) {
          return;
        }
        rows.requestFocus();
        if (e.getClickCount() == 2) {
          onOpen.accept(index);
        } else if (e.isShortcutDown()) {
          selection.toggle(index);
        } else if (e.isShiftDown()) {
          selection.extendTo(index);
        } else {
          selection.selectOnly(index);
        }
      });
    }

    void show(int newIndex) {
      index = newIndex;
      T item = newIndex < 0 ? null : source.itemAt(newIndex);
      setVisible(newIndex >= 0);
      paintSelection();
      if (item == null) {
        clearImage();
        caption.setText(newIndex < 0 ? "" : "…");
        badge.setText("");
        badge.setVisible(false);
        return;
      }
      String text = source.caption(item);
      caption.setText(text == null || text.isEmpty() ? "(no label)" : text);
      String tag = source.badge(item);
      badge.setText(tag == null ? "" : tag);
      badge.setVisible(tag != null);
      String newKey = source.thumbnailKey(item);
      if (newKey.equals(key) && image.getImage() != null) {
        return;
      }
      clearImage();
      key = newKey;
      pending = thumbnails.request(newKey, source.thumbnailFile(item), img -> {
        if (newKey.equals(key)) {
          image.setImage(img);
        }
      });
    }

    private void clearImage() {
      pending.cancel();
      pending = () -> {};
      key = null;
      image.setImage(null);
    }

    void paintSelection() {
      boolean on = index >= 0 && selection.isSelected(index);
      if (on != getStyleClass().contains("selected")) {
        if (on) {
          getStyleClass().add("selected");
        } else {
          getStyleClass().remove("selected");
        }
      }
    }
  }

  /** One row of tiles; reuses its tiles when the column count is unchanged. */
  private final class RowCell extends ListCell<Integer> {
    private final HBox box = new HBox(GAP);

    /** Set when a refresh skipped this cell because it was parked off screen. */
    private boolean dirty;

    RowCell() {
      getStyleClass().add("thumbnail-row");
      box.setPadding(new Insets(GAP / 2, ROW_PADDING, GAP / 2, ROW_PADDING));
      setGraphic(box);
      setText(null);
      visibleProperty().addListener((obs, was, now) -> {
        if (now && dirty) {
          rebind();
        }
      });
    }

    /** Refresh: rebinds now if on screen, else when it comes back (no loads for parked cells). */
    void refreshIfShown() {
      if (isVisible()) {
        rebind();
      } else {
        dirty = true;
      }
    }

    @Override
    protected void updateItem(Integer row, boolean empty) {
      super.updateItem(row, empty);
      setText(null);
      setGraphic(empty ? null : box);
      rebind();
    }

    void rebind() {
      dirty = false;
      Integer row = getItem();
      if (row == null || isEmpty()) {
        box.getChildren().forEach(n -> ((Tile) n).show(-1));
        return;
      }
      int cols = columns.get();
      ObservableList<Node> tiles = box.getChildren();
      while (tiles.size() < cols) {
        tiles.add(new Tile());
      }
      while (tiles.size() > cols) {
        ((Tile) tiles.remove(tiles.size() - 1)).show(-1);
      }
      int count = itemCount.get();
      for (int c = 0; c < cols; c++) {
        int index = row * cols + c;
        Tile tile = (Tile) tiles.get(c);
        tile.show(index < count ? index : -1);
      }
    }

    void paintSelection() {
      box.getChildren().forEach(n -> ((Tile) n).paintSelection());
    }
  }

  /** The list 0..size-1 without storing it: virtual rows for the ListView. */
  private static final class RowIndexList extends ObservableListBase<Integer> {
    private int size;

    void setSize(int newSize) {
      if (newSize == size) {
        return;
      }
      int old = size;
      beginChange();
      if (newSize > old) {
        size = newSize;
        nextAdd(old, newSize);
      } else {
        List<Integer> removed = new ArrayList<>(old - newSize);
        for (int i = newSize; i < old; i++) {
          removed.add(i);
        }
        size = newSize;
        nextRemove(newSize, removed);
      }
      endChange();
    }

    @Override
    public Integer get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return index;
    }

    @Override
    public int size() {
      return size;
    }
  }
}
