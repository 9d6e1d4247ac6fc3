package io.maskocr.engine.io;

/**
 * One entry of an import source, before its image is read.
 *
 * @param name path relative to the import root (or LMDB key): becomes the original name
 * @param where where to point a user for this item ({@code labels.tsv:12} or the file name)
 * @param bytes reads the encoded image, or null when {@code skip} is set
 * @param label the label, or null for none
 * @param skip set when the source already knows the item cannot be imported
 */
record ImportItem(String name, String where, ImageBytes bytes, String label, Skipped skip) {
  /** Reads an item's encoded image; may run on any thread. */
  @FunctionalInterface
  interface ImageBytes {
    byte[] read() throws java.io.IOException;
  }

  static ImportItem skipped(String name, String where, SkipReason reason, String detail) {
    return new ImportItem(name, where, null, null, new Skipped(where, reason, detail));
  }
}
