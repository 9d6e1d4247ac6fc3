package io.maskocr.engine.train;

import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses which patches MIM hides. Every mask hides exactly {@link #maskedCount()} patches so
 * a batch has a fixed number of visible tokens (the encoder sees only those).
 */
public final class MaskGenerator {
  private final MaskStrategy strategy;
  private final int gridWidth;
  private final int gridHeight;
  private final int count;
  private final Patches patches;

  /**
   * @param strategy random, block or character
   * @param ratio share of patches to hide, 0..0.95
   * @param config patch grid
   */
  public MaskGenerator(MaskStrategy strategy, double ratio, ModelConfig config) {
    if (ratio < 0 || ratio > 0.95) {
      throw new IllegalArgumentException("mask ratio must be within 0..0.95, got " + ratio);
    }
    this.strategy = strategy;
    this.gridWidth = config.gridWidth();
    this.gridHeight = config.gridHeight();
    int n = config.patchCount();
    int k = (int) Math.round(ratio * n);
    this.count = ratio > 0 ? Math.max(1, Math.min(n - 1, k)) : 0;
    this.patches = new Patches(config);
  }

  /** Patches hidden per image. */
  public int maskedCount() {
    return count;
  }

  /**
   * A mask: {@code true} = hidden, indexed like the patches.
   *
   * @param charSpans per character {@code x0, x1} in model-input pixels, or null
   */
  public boolean[] next(SplittableRandom r, float[] charSpans) {
    boolean[] m = new boolean[gridWidth * gridHeight];
    if (count == 0) {
      return m;
    }
    List<Integer> lastAdded = new ArrayList<>();
    int marked = 0;
    if (strategy == MaskStrategy.BLOCK) {
      int maxRun = Math.max(2, count / gridHeight / 2);
      while (marked < count) {
        int run = 1 + r.nextInt(maxRun);
        int start = r.nextInt(gridWidth);
        lastAdded.clear();
        for (int c = start; c < Math.min(gridWidth, start + run); c++) {
          marked += markColumn(m, c, lastAdded);
        }
      }
    } else if (strategy == MaskStrategy.CHARACTER && charSpans != null && charSpans.length >= 2) {
      int chars = charSpans.length / 2;
      int[] order = shuffled(chars, r);
      for (int i = 0; i < chars && marked < count; i++) {
        int ch = order[i];
        int[] cols = patches.columnsCovering(charSpans[2 * ch], charSpans[2 * ch + 1]);
        lastAdded.clear();
        for (int c = cols[0]; c <= cols[1]; c++) {
          marked += markColumn(m, c, lastAdded);
        }
      }
    }
    // Trim an overshoot from the last run/character, keeping earlier ones whole.
    while (marked > count) {
      int idx = lastAdded.isEmpty() ? randomWith(m, true, r) : lastAdded.remove(r.nextInt(lastAdded.size()));
      m[idx] = false;
      marked--;
    }
    // Random strategy, or characters/boxes ran out: fill with random patches.
    while (marked < count) {
      m[randomWith(m, false, r)] = true;
      marked++;
    }
    return m;
  }

  private int markColumn(boolean[] m, int col, List<Integer> added) {
    int n = 0;
    for (int row = 0; row < gridHeight; row++) {
      int idx = row * gridWidth + col;
      if (!m[idx]) {
        m[idx] = true;
        added.add(idx);
        n++;
      }
    }
    return n;
  }

  private static int randomWith(boolean[] m, boolean value, SplittableRandom r) {
    while (true) {
      int i = r.nextInt(m.length);
      if (m[i] == value) {
        return i;
      }
    }
  }

  private static int[] shuffled(int n, SplittableRandom r) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
