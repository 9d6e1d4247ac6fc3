package io.maskocr.engine.io;

import java.util.Locale;

/** Layouts an import reads and an export writes. */
public enum ImportFormat {
  /** A folder of images (recursively); labels optional, from file names via a pattern. */
  FOLDER,
  /** A list file of {@code relative/path<TAB>label} lines (PaddleOCR rec_gt, labels.tsv). */
  TSV,
  /** The LMDB layout of scene-text training code: num-samples, image-%09d, label-%09d. */
  LMDB,
  /** JSON Lines: one {@code {"filename": ..., "text": ...}} object per line. */
  JSONL;

  /** Lower-case name as used on the command line. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code folder|tsv|lmdb|jsonl}; throws naming the accepted values. */
  public static ImportFormat parse(String text) {
    for (ImportFormat f : values()) {
      if (f.code().equalsIgnoreCase(text.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + text + "': use folder, tsv, lmdb or jsonl");
  }
}
