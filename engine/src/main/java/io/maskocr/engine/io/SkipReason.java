package io.maskocr.engine.io;

/**
 * Why an import skipped an item. The import goes on and reports counts per reason; each reason
 * carries a hint that tells the user what to do about it.
 */
public enum SkipReason {
  /** The listed file does not exist or cannot be read. */
  MISSING_FILE("file missing or unreadable", "check the name and that the file is readable"),
  /** The path is absolute, leaves the import root with {@code ..}, or is a link leading out of it. */
  PATH_OUTSIDE_ROOT("path outside the import root",
      "copy the image under the import folder and list it by a relative path"),
  /** Zero bytes. */
  EMPTY("empty file", "re-export or re-download the image, or remove it"),
  /** Not a format any installed decoder reads. */
  UNSUPPORTED("unsupported image format", "convert it to PNG or JPEG, or remove it"),
  /** The decoder failed on the data. */
  CORRUPT("corrupt image", "re-export or re-download the image, or remove it"),
  /** The data ends before the image does. */
  TRUNCATED("truncated image", "the copy is incomplete: copy or download it again"),
  /** More pixels or bytes than the limits allow (decompression bomb guard). */
  TOO_LARGE("image too large", "crop or downscale it (word crops need a few hundred pixels)"),
  /** The label is not valid UTF-8. */
  BAD_LABEL_ENCODING("label not valid UTF-8", "re-save the labels as UTF-8"),
  /** The label is empty, too long, or holds control characters (NUL, escape...). */
  BAD_LABEL("unusable label", "fix the label; leave out the tab (or the text) to import the image unlabeled"),
  /** The list names the same image file twice. */
  DUPLICATE_ENTRY("file listed twice", "keep one line per image"),
  /** A list line that cannot be parsed (no tab, bad JSON, missing field). */
  BAD_LINE("malformed list line", "fix the line's syntax");

  private final String text;
  private final String hint;

  SkipReason(String text, String hint) {
    this.text = text;
    this.hint = hint;
  }

  /** Short human description. */
  public String text() {
    return text;
  }

  /** What the user can do about it, as an imperative phrase. */
  public String hint() {
    return hint;
  }
}
