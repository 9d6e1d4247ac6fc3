package io.maskocr.engine.data;

import io.maskocr.engine.io.LabelsTsv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Reads a folder of word crops with a {@code labels.tsv} ({@code file<TAB>label}, UTF-8, no
 * header), the layout of exported datasets and of the development sets.
 */
public final class FolderSource {
  private FolderSource() {}

  /** Loads every listed image; errors name the file and line. */
  public static List<LabeledImage> load(Path folder) {
    Path tsv = folder.resolve(LabelsTsv.FILE_NAME);
    List<LabelsTsv.Entry> entries;
    try {
      entries = LabelsTsv.read(tsv, true);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + tsv + ": " + e.getMessage() + " (a folder dataset needs labels.tsv with file<TAB>label lines)");
    }
    List<LabeledImage> out = new ArrayList<>();
    for (LabelsTsv.Entry e : entries) {
      Path img = folder.resolve(e.path());
      BufferedImage bi;
      try {
        bi = ImageIO.read(img.toFile());
      } catch (IOException ex) {
        throw new IllegalArgumentException(tsv + ":" + e.line() + ": cannot read image " + img + ": " + ex.getMessage());
      }
      if (bi == null) {
        throw new IllegalArgumentException(tsv + ":" + e.line() + ": " + img + " is not a readable image");
      }
      out.add(new LabeledImage(folder.getFileName() + "/" + e.path(), bi, e.label(), null));
    }
    return out;
  }
}
