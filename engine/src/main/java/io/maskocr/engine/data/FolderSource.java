package io.maskocr.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    Path tsv = folder.resolve("labels.tsv");
    List<String> lines;
    try {
      lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + tsv + ": " + e.getMessage() + " (a folder dataset needs labels.tsv with file<TAB>label lines)");
    }
    List<LabeledImage> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": expected file<TAB>label, got '" + line + "'");
      }
      String file = line.substring(0, tab);
      Path img = folder.resolve(file);
      BufferedImage bi;
      try {
        bi = ImageIO.read(img.toFile());
      } catch (IOException e) {
        throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": cannot read image " + img + ": " + e.getMessage());
      }
      if (bi == null) {
        throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": " + img + " is not a readable image");
      }
      out.add(new LabeledImage(folder.getFileName() + "/" + file, bi, line.substring(tab + 1), null));
    }
    return out;
  }
}
