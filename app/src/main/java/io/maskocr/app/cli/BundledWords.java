package io.maskocr.app.cli;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.io.LabelsTsv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** The bundled rendered word crops ({@code samples/datasets/synth-words}), decoded, for benchmarks. */
final class BundledWords {
  private BundledWords() {}

  static List<BufferedImage> images() throws IOException {
    Path dir = MaskocrHome.samples().resolve("datasets").resolve("synth-words");
    List<BufferedImage> out = new ArrayList<>();
    for (LabelsTsv.Entry e : LabelsTsv.read(dir.resolve(LabelsTsv.FILE_NAME), false)) {
      String file = e.path();
      BufferedImage img = ImageIO.read(dir.resolve(file).toFile());
      if (img == null) {
        throw new IOException("cannot decode bundled sample " + dir.resolve(file));
      }
      out.add(img);
    }
    return out;
  }
}
