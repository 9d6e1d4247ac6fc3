package io.maskocr.viewers.grid;

import java.util.BitSet;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Which tiles of a grid are selected, by index. A bit set, so selecting all of 100,000
 * samples costs 12 KB; listeners watch {@link #versionProperty()} (bumped on every change)
 * and {@link #countProperty()}. Click semantics follow file managers: click selects one,
 * Ctrl-click toggles, Shift-click selects the range from the anchor.
 */
public final class TileSelection {
  private final BitSet bits = new BitSet();
  private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
  private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
  private int anchor = -1;

  public boolean isSelected(int index) {
    return bits.get(index);
  }

  /** Plain click: only {@code index} selected, and it becomes the range anchor. */
  public void selectOnly(int index) {
    bits.clear();
    bits.set(index);
    anchor = index;
    changed();
  }

  /** Ctrl-click: flips {@code index}. */
  public void toggle(int index) {
    bits.flip(index);
    anchor = index;
    changed();
  }

  /** Shift-click: selects from the anchor to {@code index} (inclusive), keeping the anchor. */
  public void extendTo(int index) {
    if (anchor < 0) {
      selectOnly(index);
      return;
    }
    bits.clear();
    bits.set(Math.min(anchor, index), Math.max(anchor, index) + 1);
    changed();
  }

  /** Selects indices {@code 0..size-1}. */
  public void selectAll(int size) {
    bits.clear();
    bits.set(0, size);
    changed();
  }

  public void clear() {
    if (!bits.isEmpty()) {
      bits.clear();
      anchor = -1;
      changed();
    }
  }

  /** A copy of the selected indices, ascending. */
  public int[] indices() {
    return bits.stream().toArray();
  }

  public ReadOnlyIntegerProperty countProperty() {
    return count.getReadOnlyProperty();
  }

  public ReadOnlyLongProperty versionProperty() {
    return version.getReadOnlyProperty();
  }

  private void changed() {
    count.set(bits.cardinality());
    version.set(version.get() + 1);
  }
}
