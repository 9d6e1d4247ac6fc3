package io.maskocr.app.cli.hostile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/** Writes the valid and hostile files the hostile-input cases import. Every image differs by {@code seed}. */
final class HostileFiles {
  private HostileFiles() {}

  /** An 8-bit grey word-crop-sized PNG; {@code seed} changes its pixels (and so its hash). */
  static byte[] png(int seed) {
    return encode(grey(seed), "png");
  }

  static BufferedImage grey(int seed) {
    BufferedImage img = new BufferedImage(32, 12, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 32, 12);
    g.setColor(Color.BLACK);
    g.fillRect(seed % 28, 2, 3, 8);
    g.drawLine(0, seed % 12, 31, (seed * 7) % 12);
    g.dispose();
    return img;
  }

  static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no " + format + " writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** 16 bits per sample grey PNG. */
  static byte[] png16(int seed) {
    BufferedImage img = new BufferedImage(32, 12, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = img.getRaster();
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 32; x++) {
        r.setSample(x, y, 0, (x * 2000 + y * 97 + seed) & 0xFFFF);
      }
    }
    return encode(img, "png");
  }

  /** 4-colour palette PNG (colour type 3). */
  static byte[] palettePng(int seed) {
    byte[] v = {0, (byte) 85, (byte) 170, (byte) 255};
    IndexColorModel cm = new IndexColorModel(2, 4, v, v, new byte[] {0, 0, (byte) 255, (byte) 255});
    BufferedImage img = new BufferedImage(32, 12, BufferedImage.TYPE_BYTE_BINARY, cm);
    for (int x = 0; x < 32; x++) {
      img.getRaster().setSample(x, (x + seed) % 12, 0, x % 4);
    }
    return encode(img, "png");
  }

  /** A 4-channel (CMYK / Adobe) JPEG written from a raw raster. */
  static byte[] cmykJpeg(int seed) {
    WritableRaster r = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 12, 4, null);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 32; x++) {
        r.setPixel(x, y, new int[] {(x * 8 + seed) & 0xFF, y * 20, 40, x < 16 ? 0 : 200});
      }
    }
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.write(null, new IIOImage(r, null, null), w.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /** An image file with {@code frames} frames/pages ({@code gif} or {@code tiff}). */
  static byte[] sequence(String format, int frames, int seed) {
    ImageWriter w = ImageIO.getImageWritersByFormatName(format).next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.prepareWriteSequence(null);
      for (int i = 0; i < frames; i++) {
        BufferedImage rgb = new BufferedImage(32, 12, BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(grey(seed + i), 0, 0, null);
        w.writeToSequence(new IIOImage(rgb, null, null), null);
      }
      w.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /** A valid PNG header claiming {@code w x h} pixels with almost no data: a decompression bomb. */
  static byte[] bombPng(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static byte[] half(byte[] b) {
    return Arrays.copyOf(b, b.length / 2);
  }

  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String utf8) {
    return write(file, utf8.getBytes(StandardCharsets.UTF_8));
  }

  /** A scene-text LMDB (clovaai layout) in {@code dir} holding exactly the given keys. */
  static Path lmdb(Path dir, Map<String, byte[]> entries) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(16L << 20).setMaxDbs(1).open(dir.toFile())) {
      Dbi<byte[]> db = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
      try (Txn<byte[]> txn = env.txnWrite()) {
        entries.forEach((k, v) -> db.put(txn, k.getBytes(StandardCharsets.UTF_8), v));
        txn.commit();
      }
    }
    return dir;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
