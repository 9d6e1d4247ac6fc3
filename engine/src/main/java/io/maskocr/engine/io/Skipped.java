package io.maskocr.engine.io;

/**
 * One skipped item.
 *
 * @param where file name, or {@code list-file:line}
 * @param reason the category
 * @param detail what exactly was wrong (decoder message, pixel count...)
 */
public record Skipped(String where, SkipReason reason, String detail) {
  @Override
  public String toString() {
    return where + ": " + reason.text() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
