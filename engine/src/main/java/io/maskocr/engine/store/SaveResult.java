package io.maskocr.engine.store;

/**
 * What {@link Labels#save} did.
 *
 * @param yours the entry appended for this save (a conflict entry when {@code theirs} is set)
 * @param theirs the entry someone else saved since the item was loaded, which stays the label;
 *     null when yours became the label
 */
public record SaveResult(LabelEntry yours, LabelEntry theirs) {
  /** True when someone else labelled the sample first: yours is in the history, theirs is current. */
  public boolean conflict() {
    return theirs != null;
  }
}
