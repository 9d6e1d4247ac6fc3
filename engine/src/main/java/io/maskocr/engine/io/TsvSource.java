package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code relative/path<TAB>label} per line (PaddleOCR rec_gt, labels.tsv). A line with no tab
 * is an unlabeled image; the label is everything after the first tab, kept verbatim.
 */
final class TsvSource extends ListSource {
  TsvSource(Path listFile) throws IOException {
    super(listFile);
  }

  @Override
  Entry parse(String line) {
    int tab = line.indexOf('\t');
    String path = tab < 0 ? line : line.substring(0, tab);
    if (path.isBlank()) {
      throw new IllegalArgumentException("no image path before the tab");
    }
    return new Entry(path.strip(), tab < 0 ? null : line.substring(tab + 1));
  }
}
