package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code relative/path<TAB>label} per line (PaddleOCR rec_gt, labels.tsv), parsed by {@link
 * LabelsTsv}. A bad line is skipped with its reason, as every import source does.
 */
final class TsvSource extends ListSource {
  TsvSource(Path listFile) throws IOException {
    super(listFile);
  }

  @Override
  Entry parse(String line) {
    LabelsTsv.Entry e = LabelsTsv.parse(0, line); // the line number is added by ListSource
    return new Entry(e.path(), e.label());
  }
}
