package io.maskocr.engine.io;

/**
 * Recognises common image formats by their first bytes, so a decoder can be reused per
 * format instead of asking every installed plugin to probe each file.
 */
final class Magic {
  private Magic() {}

  /** A short format key ({@code png}, {@code jpg}, {@code gif}, {@code bmp}, {@code tif}, {@code webp}) or null. */
  static String of(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "png";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "jpg";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "gif";
    }
    if (starts(b, 'B', 'M')) {
      return "bmp";
    }
    if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
      return "tif";
    }
    if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return "webp";
    }
    return null;
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
