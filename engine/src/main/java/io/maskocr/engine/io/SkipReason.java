package io.maskocr.engine.io;

/** Why an import skipped an item. The import goes on and reports counts per reason. */
public enum SkipReason {
  /** The listed file does not exist or cannot be read. */
  MISSING_FILE("file missing or unreadable"),
  /** The path is absolute or leaves the import root with {@code ..}. */
  PATH_OUTSIDE_ROOT("path outside the import root"),
  /** Zero bytes. */
  EMPTY("empty file"),
  /** Not a format any installed decoder reads. */
  UNSUPPORTED("unsupported image format"),
  /** The decoder failed on the data. */
  CORRUPT("corrupt image"),
  /** The data ends before the image does. */
  TRUNCATED("truncated image"),
  /** More pixels or bytes than the limits allow (decompression bomb guard). */
  TOO_LARGE("image too large"),
  /** The label is not valid UTF-8. */
  BAD_LABEL_ENCODING("label not valid UTF-8"),
  /** A list line that cannot be parsed (no tab, bad JSON, missing field). */
  BAD_LINE("malformed list line");

  private final String text;

  SkipReason(String text) {
    this.text = text;
  }

  /** Short human description. */
  public String text() {
    return text;
  }
}
