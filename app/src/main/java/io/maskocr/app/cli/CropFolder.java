package io.maskocr.app.cli;

import io.maskocr.engine.io.LabelsTsv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** The crops of a folder, decoded, for benchmarks: those its labels.tsv lists, else every PNG or JPEG. */
final class CropFolder {
  private CropFolder() {}

  static List<BufferedImage> images(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    Path tsv = dir.resolve(LabelsTsv.FILE_NAME);
    if (Files.isRegularFile(tsv)) {
      for (LabelsTsv.Entry e : LabelsTsv.read(tsv, false)) {
        files.add(dir.resolve(e.path()));
      }
    } else {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().matches("(?i).*\\.(png|jpe?g)")).sorted().forEach(files::add);
      }
    }
    List<BufferedImage> out = new ArrayList<>();
    for (Path f : files) {
      BufferedImage img = ImageIO.read(f.toFile());
      if (img == null) {
        throw new IOException("cannot decode " + f);
      }
      out.add(img);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no images in " + dir);
    }
    return out;
  }
}
