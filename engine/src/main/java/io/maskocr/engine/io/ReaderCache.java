package io.maskocr.engine.io;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * One ImageReader per thread and format, reused across files: finding a reader probes every
 * installed plugin and costs as much as decoding a small image. A reader that failed is
 * disposed rather than reused, in case the failure left it in a bad state.
 */
final class ReaderCache {
  private static final ThreadLocal<Map<String, ImageReader>> READERS = ThreadLocal.withInitial(HashMap::new);

  private ReaderCache() {}

  /** A reader for the stream, or null when no plugin reads it. */
  static ImageReader take(String magic, ImageInputStream in) throws IOException {
    if (magic != null) {
      ImageReader cached = READERS.get().remove(magic);
      if (cached != null) {
        return cached;
      }
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    in.seek(0);
    return readers.hasNext() ? readers.next() : null;
  }

  /** Returns a reader after use. */
  static void give(String magic, ImageReader reader, boolean healthy) {
    if (magic != null && healthy) {
      reader.reset();
      READERS.get().put(magic, reader);
    } else {
      reader.dispose();
    }
  }
}
