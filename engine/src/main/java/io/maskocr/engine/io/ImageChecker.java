package io.maskocr.engine.io;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether encoded bytes are an importable image. Reads the dimensions from the header
 * first and refuses oversized images before decoding a pixel (decompression bombs), then
 * decodes fully so corrupt and truncated files are caught at import, not during training.
 * Decoders come from ImageIO with the TwelveMonkeys plugins (JPEG with broken metadata,
 * CMYK, BMP variants, TIFF, WebP). 16-bit and palette images are accepted as they are; an
 * animated GIF or a multi-page TIFF is accepted and its first frame or page is the sample
 * (every decoder here reads image 0), so one file never becomes several samples. Thread-safe.
 */
public final class ImageChecker {
  static {
    ImageIO.setUseCache(false); // decode in memory; never write temp files
    ImageIO.scanForPlugins();
  }

  private final ImageLimits limits;

  public ImageChecker(ImageLimits limits) {
    this.limits = limits;
  }

  /**
   * Checks that {@code bytes} are a complete, uncorrupted image within the limits; returns
   * the format and size. Non-interlaced PNGs are verified structurally (CRCs, zlib stream,
   * exact pixel-data length) without building an image; other formats are fully decoded.
   */
  public ImageInfo check(byte[] bytes) throws BadImageException {
    if (bytes.length > 0 && bytes.length <= limits.maxFileBytes() && "png".equals(Magic.of(bytes))) {
      ImageInfo png = PngCheck.check(bytes, limits);
      if (png != null) {
        return png;
      }
    }
    return decode(bytes, null);
  }

  /**
   * Decodes {@code bytes} after the same checks.
   *
   * @throws BadImageException naming why the image is refused
   */
  public BufferedImage read(byte[] bytes) throws BadImageException {
    BufferedImage[] out = new BufferedImage[1];
    decode(bytes, out);
    return out[0];
  }

  private ImageInfo decode(byte[] bytes, BufferedImage[] out) throws BadImageException {
    if (bytes.length == 0) {
      throw new BadImageException(SkipReason.EMPTY, "0 bytes");
    }
    if (bytes.length > limits.maxFileBytes()) {
      throw new BadImageException(
          SkipReason.TOO_LARGE, bytes.length + " bytes > limit " + limits.maxFileBytes());
    }
    try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
      String magic = Magic.of(bytes);
      ImageReader reader = ReaderCache.take(magic, in);
      if (reader == null) {
        throw new BadImageException(SkipReason.UNSUPPORTED, "no decoder recognises the data");
      }
      boolean healthy = false;
      try {
        reader.setInput(in, true, true);
        int w;
        int h;
        try {
          w = reader.getWidth(0);
          h = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          throw endsEarly(magic, bytes) ? failure(new EOFException(), "header") : failure(e, "header");
        }
        checkSize(w, h);
        BufferedImage img;
        try {
          img = reader.read(0, reader.getDefaultReadParam());
        } catch (IOException | RuntimeException e) {
          throw endsEarly(magic, bytes) ? failure(new EOFException(), "pixels") : failure(e, "pixels");
        }
        if (out != null) {
          out[0] = img;
        }
        healthy = true;
        return new ImageInfo(extension(reader.getFormatName()), w, h);
      } finally {
        ReaderCache.give(magic, reader, healthy);
      }
    } catch (IOException e) {
      throw new BadImageException(SkipReason.CORRUPT, String.valueOf(e.getMessage()));
    } catch (OutOfMemoryError e) {
      // the header lied about something the limits could not see; refuse, do not crash
      throw new BadImageException(SkipReason.TOO_LARGE, "out of memory while decoding");
    }
  }

  private void checkSize(int w, int h) throws BadImageException {
    checkSize(w, h, limits);
  }

  static void checkSize(int w, int h, ImageLimits limits) throws BadImageException {
    if (w <= 0 || h <= 0) {
      throw new BadImageException(SkipReason.CORRUPT, "header says " + w + "x" + h);
    }
    if (w > limits.maxSide() || h > limits.maxSide() || (long) w * h > limits.maxPixels()) {
      throw new BadImageException(
          SkipReason.TOO_LARGE,
          w + "x" + h + " px exceeds " + limits.maxPixels() + " px / " + limits.maxSide() + " px per side");
    }
  }

  /**
   * A JPEG that fails to decode and lacks its end-of-image marker was cut short: the JPEG
   * decoder reports that as missing data, not as an EOF, so say "truncated" from the bytes.
   */
  private static boolean endsEarly(String magic, byte[] b) {
    return "jpg".equals(magic) && b.length >= 2 && !((b[b.length - 2] & 0xFF) == 0xFF && (b[b.length - 1] & 0xFF) == 0xD9);
  }

  /** Truncation shows up as an EOF somewhere in the cause chain. */
  private static BadImageException failure(Throwable e, String part) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return new BadImageException(SkipReason.TRUNCATED, "data ends early (" + part + ")");
      }
    }
    return new BadImageException(
        SkipReason.CORRUPT, part + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
  }

  /** File extension for an ImageIO format name. */
  static String extension(String formatName) {
    String f = formatName.toLowerCase(Locale.ROOT);
    return switch (f) {
      case "jpeg", "jpg" -> "jpg";
      case "tiff", "tif" -> "tif";
      default -> f.replaceAll("[^a-z0-9]", "");
    };
  }
}
