package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageCheckerTest {
  private final ImageChecker checker = new ImageChecker(ImageLimits.DEFAULT);

  @ParameterizedTest(name = "BufferedImage type {0}")
  @ValueSource(ints = {
      BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_INT_RGB,
      BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY})
  void theFastPngCheckAcceptsWhatTheDecoderReads(int type) throws Exception {
    byte[] png = png(noisy(type, 37, 13), false);
    ImageInfo fast = PngCheck.check(png, ImageLimits.DEFAULT);
    assertEquals(new ImageInfo("png", 37, 13), fast);
    assertEquals(37, ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
  }

  @Test
  void interlacedPngsFallBackToTheFullDecoder() throws Exception {
    byte[] png = png(noisy(BufferedImage.TYPE_INT_RGB, 20, 9), true);
    assertNull(PngCheck.check(png, ImageLimits.DEFAULT));
    assertEquals(new ImageInfo("png", 20, 9), checker.check(png));
  }

  @Test
  void scrambledPixelDataWithValidCrcsIsCorrupt() throws Exception {
    byte[] png = png(noisy(BufferedImage.TYPE_BYTE_GRAY, 40, 12), false);
    int idat = new String(png, StandardCharsets.ISO_8859_1).indexOf("IDAT");
    int len = ByteBuffer.wrap(png, idat - 4, 4).getInt();
    Random r = new Random(3);
    for (int i = idat + 6; i < idat + 4 + len - 4; i++) {
      png[i] = (byte) r.nextInt();
    }
    CRC32 crc = new CRC32();
    crc.update(png, idat, 4 + len);
    ByteBuffer.wrap(png).putInt(idat + 4 + len, (int) crc.getValue());
    BadImageException e = assertThrows(BadImageException.class, () -> checker.check(png));
    assertEquals(SkipReason.CORRUPT, e.reason(), e.getMessage());
  }

  @Test
  void aFlippedBitAnywhereIsCaughtByTheCrc() throws Exception {
    byte[] png = png(noisy(BufferedImage.TYPE_INT_RGB, 30, 10), false);
    byte[] bad = png.clone();
    bad[bad.length - 20] ^= 1;
    BadImageException e = assertThrows(BadImageException.class, () -> checker.check(bad));
    assertEquals(SkipReason.CORRUPT, e.reason());
  }

  @Test
  void truncationAtAnyPointIsReported() throws Exception {
    byte[] png = png(noisy(BufferedImage.TYPE_BYTE_GRAY, 30, 10), false);
    for (int cut = 9; cut < png.length; cut += 7) {
      byte[] part = Arrays.copyOf(png, cut);
      BadImageException e = assertThrows(BadImageException.class, () -> checker.check(part));
      assertEquals(SkipReason.TRUNCATED, e.reason(), "cut at " + cut + ": " + e.getMessage());
    }
  }

  @Test
  void limitsAreCheckedBeforeDecoding() throws Exception {
    ImageChecker small = new ImageChecker(new ImageLimits(1 << 20, 100, 50));
    byte[] png = png(noisy(BufferedImage.TYPE_BYTE_GRAY, 30, 10), false);
    assertEquals(SkipReason.TOO_LARGE, assertThrows(BadImageException.class, () -> small.check(png)).reason());
    byte[] jpg = jpeg(noisy(BufferedImage.TYPE_INT_RGB, 60, 10));
    assertEquals(SkipReason.TOO_LARGE, assertThrows(BadImageException.class, () -> small.check(jpg)).reason());
    ImageChecker tinyFiles = new ImageChecker(new ImageLimits(10, 1000, 1000));
    assertEquals(SkipReason.TOO_LARGE, assertThrows(BadImageException.class, () -> tinyFiles.check(png)).reason());
  }

  @Test
  void otherFormatsAreDecodedFully() throws Exception {
    byte[] jpg = jpeg(noisy(BufferedImage.TYPE_INT_RGB, 33, 11));
    assertEquals(new ImageInfo("jpg", 33, 11), checker.check(jpg));
    byte[] cut = Arrays.copyOf(jpg, jpg.length / 3);
    BadImageException e = assertThrows(BadImageException.class, () -> checker.check(cut));
    assertEquals(true, e.reason() == SkipReason.TRUNCATED || e.reason() == SkipReason.CORRUPT, e.reason() + "");
  }

  static BufferedImage noisy(int type, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, type);
    Random r = new Random(w * 31L + h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, r.nextInt());
      }
    }
    return img;
  }

  static byte[] png(BufferedImage img, boolean interlaced) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
      writer.write(null, new IIOImage(img, null, null), p);
    }
    writer.dispose();
    return out.toByteArray();
  }

  static byte[] jpeg(BufferedImage img) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }
}
