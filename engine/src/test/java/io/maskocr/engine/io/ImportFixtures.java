package io.maskocr.engine.io;

import io.maskocr.engine.store.StoreFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/** Generated import sources, good and bad. */
final class ImportFixtures {
  private ImportFixtures() {}

  static byte[] png(int seed) {
    return StoreFixtures.png(seed, 48, 16);
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  static Path write(Path file, String text) throws IOException {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A folder of PNGs named {@code <label>_<n>.png} under {@code sub/} folders. */
  static Path labeledFolder(Path root, List<String> labels) throws IOException {
    for (int i = 0; i < labels.size(); i++) {
      write(root.resolve("part" + (i % 2)).resolve(labels.get(i) + "_" + i + ".png"), png(i + 1));
    }
    return root;
  }

  /**
   * A valid PNG header claiming {@code w x h} pixels followed by a tiny IDAT: the classic
   * decompression-bomb shape (a small file that would need gigabytes once decoded).
   */
  static byte[] bombPng(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
