package io.maskocr.engine.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A DJL {@link GradientCollector} taken under a process-wide lock. DJL's PyTorch engine allows
 * one collector at a time in the whole process ("A PtGradientCollector is already collecting");
 * the trainer opens one per step, and a viewer that fits a small head (ODM's) opens its own.
 * Taking both through here makes them take turns step by step instead of failing.
 */
public final class GradientScope implements AutoCloseable {
  private static final ReentrantLock LOCK = new ReentrantLock(true);

  private final GradientCollector collector;

  private GradientScope(GradientCollector collector) {
    this.collector = collector;
  }

  /** Waits for the process's collector to be free, then opens one. */
  public static GradientScope open() {
    LOCK.lock();
    try {
      return new GradientScope(Engine.getInstance().newGradientCollector());
    } catch (RuntimeException e) {
      LOCK.unlock();
      throw e;
    }
  }

  /** Computes the gradients of {@code target}. */
  public void backward(NDArray target) {
    collector.backward(target);
  }

  @Override
  public void close() {
    try {
      collector.close();
    } finally {
      LOCK.unlock();
    }
  }
}
