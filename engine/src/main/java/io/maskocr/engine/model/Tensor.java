package io.maskocr.engine.model;

/**
 * A named array copied out of native memory: shape plus row-major float data. Used for
 * checkpoints and for anything that must outlive an NDManager scope.
 *
 * @param shape dimensions
 * @param data row-major values, length = product of {@code shape}
 */
public record Tensor(long[] shape, float[] data) {
  /** Checks that the data length matches the shape. */
  public Tensor {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "tensor shape " + java.util.Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    }
  }
}
