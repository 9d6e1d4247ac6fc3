package io.maskocr.engine.model;

/**
 * IEEE 754 half-precision conversion (Java 17 has no {@code Float.floatToFloat16}). Rounds to
 * nearest even; values beyond the half range become infinities, tiny ones subnormals or zero.
 */
public final class HalfFloat {
  private HalfFloat() {}

  /** The half float nearest to {@code f}, as its 16 bits. */
  public static short fromFloat(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    if (exp == 0xff) { // infinity or NaN (keep a NaN a NaN)
      return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
    }
    int e = exp - 127 + 15;
    if (e >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (e <= 0) { // subnormal half, or zero
      if (e < -10) {
        return (short) sign;
      }
      int m = mantissa | 0x800000;
      int shift = 14 - e;
      int half = m >> shift;
      int rest = m & ((1 << shift) - 1);
      int midpoint = 1 << (shift - 1);
      if (rest > midpoint || (rest == midpoint && (half & 1) != 0)) {
        half++;
      }
      return (short) (sign | half);
    }
    int half = (e << 10) | (mantissa >> 13);
    int rest = mantissa & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
      half++; // may carry into the exponent, which is the right rounding (up to infinity)
    }
    return (short) (sign | half);
  }

  /** The float value of the half float {@code h}. */
  public static float toFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exp == 0) {
      float v = mantissa * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mantissa << 13));
  }
}
