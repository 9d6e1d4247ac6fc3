package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of {@code labels.tsv}: {@code relative/path<TAB>label} per line, UTF-8, no
 * header (the layout of exported datasets, the bundled samples, the development sets and
 * PaddleOCR's rec_gt files). A line with no tab is an unlabeled image; the label is everything
 * after the first tab, kept verbatim (it may hold spaces or more tabs). The path is trimmed. A
 * BOM, CR line ends and blank lines are ignored; each line is decoded on its own, so a line that
 * is not UTF-8 is reported by its number.
 */
public final class LabelsTsv {
  /** The usual file name of a folder dataset's list. */
  public static final String FILE_NAME = "labels.tsv";

  /**
   * One listed image.
   *
   * @param line 1-based line number in the file
   * @param path image path as written, relative to the list's folder
   * @param label the label, or null when the line has no tab
   */
  public record Entry(int line, String path, String label) {}

  private LabelsTsv() {}

  /**
   * Parses one non-blank line.
   *
   * @throws IllegalArgumentException saying what is wrong (no path before the tab)
   */
  public static Entry parse(int lineNumber, String line) {
    int tab = line.indexOf('\t');
    String path = tab < 0 ? line : line.substring(0, tab);
    if (path.isBlank()) {
      throw new IllegalArgumentException("no image path before the tab");
    }
    return new Entry(lineNumber, path.strip(), tab < 0 ? null : line.substring(tab + 1));
  }

  /**
   * Every entry of {@code file}, in order.
   *
   * @param requireLabels refuse a line without a tab (training and sample lists need labels)
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming {@code file:line} and the problem for a bad line
   */
  public static List<Entry> read(Path file, boolean requireLabels) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Utf8Lines.Line l : Utf8Lines.read(file)) {
      String where = file + ":" + l.number() + ": ";
      if (l.text() == null) {
        throw new IllegalArgumentException(where + "not UTF-8; re-save the list as UTF-8");
      }
      if (l.text().isBlank()) {
        continue;
      }
      Entry e;
      try {
        e = parse(l.number(), l.text());
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException(where + bad.getMessage() + ", got '" + l.text() + "'");
      }
      if (requireLabels && e.label() == null) {
        throw new IllegalArgumentException(where + "expected file<TAB>label, got '" + l.text() + "'");
      }
      out.add(e);
    }
    return out;
  }
}
