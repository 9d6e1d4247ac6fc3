package io.maskocr.renderer.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for the two image types the renderer makes (TYPE_INT_RGB as 8-bit RGB,
 * TYPE_BYTE_GRAY as 8-bit grey), several times faster than ImageIO's writer for tiny
 * images. Rows use the PNG "Sub" filter, which suits smooth word crops.
 */
public final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  private PngEncoder() {}

  /** PNG bytes of {@code img} (TYPE_INT_RGB or TYPE_BYTE_GRAY). */
  public static byte[] encode(BufferedImage img) {
    int w = img.getWidth(), h = img.getHeight();
    boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
    if (!grey && img.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("PngEncoder handles TYPE_INT_RGB and TYPE_BYTE_GRAY, not type " + img.getType());
    }
    int channels = grey ? 1 : 3;
    byte[] raw = new byte[h * (1 + w * channels)];
    int o = 0;
    if (grey) {
      byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      for (int y = 0; y < h; y++) {
        raw[o++] = 1;
        int prev = 0;
        for (int x = 0; x < w; x++) {
          int v = px[y * w + x] & 0xff;
          raw[o++] = (byte) (v - prev);
          prev = v;
        }
      }
    } else {
      int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
      for (int y = 0; y < h; y++) {
        raw[o++] = 1;
        int pr = 0, pg = 0, pb = 0;
        for (int x = 0; x < w; x++) {
          int p = px[y * w + x];
          int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
          raw[o++] = (byte) (r - pr);
          raw[o++] = (byte) (g - pg);
          raw[o++] = (byte) (b - pb);
          pr = r;
          pg = g;
          pb = b;
        }
      }
    }
    Deflater deflater = new Deflater(6);
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 2 + 64);
    byte[] buf = new byte[8192];
    while (!deflater.finished()) {
      z.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream(z.size() + 64);
    out.writeBytes(SIGNATURE);
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) (grey ? 0 : 2))
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", z.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
