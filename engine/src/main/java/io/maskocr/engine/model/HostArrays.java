package io.maskocr.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Copies Java arrays into engine-owned tensors. DJL's {@code NDManager.create(float[])} wraps a
 * direct buffer that the JVM owns; autograd may keep views of such a tensor after DJL's last
 * reference to the buffer is gone, and a garbage collection then frees memory the backward pass
 * still reads (measured: garbage gradients of 1e9..inf whenever a GC ran between forward and
 * backward). A copy made by the engine lives as long as the graph needs it. The same holds
 * for DJL's arithmetic with a Java number ({@code x.mul(0.5f)}): it wraps the number in such a
 * buffer and frees it at once, so inside a recorded graph use {@link #scalar} instead.
 */
public final class HostArrays {
  private HostArrays() {}

  /** An engine-owned {@code shape} tensor with the values of {@code data}, attached to {@code manager}. */
  public static NDArray tensor(NDManager manager, float[] data, Shape shape) {
    try (NDArray wrapped = manager.create(data, shape)) {
      return wrapped.duplicate();
    }
  }

  /** An engine-owned scalar (shape {@code (1)}, broadcasts against anything). */
  public static NDArray scalar(NDManager manager, float value) {
    return manager.full(new Shape(1), value);
  }
}
