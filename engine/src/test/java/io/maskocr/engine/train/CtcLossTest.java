package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.model.HostArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The NDArray CTC recursion against brute force over every path of a short sequence. */
class CtcLossTest {
  private static final int T = 5;
  private static final int V = 3;

  @Test
  void matchesBruteForceOverAllPaths() {
    int[][] labels = {{1}, {1, 2}, {2, 2}, {1, 2, 1}};
    Random rnd = new Random(7);
    float[] logits = new float[labels.length * T * V];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) rnd.nextGaussian();
    }
    double expected = 0;
    for (int i = 0; i < labels.length; i++) {
      expected += -Math.log(pathProbability(logits, i, labels[i])) / labels[i].length / labels.length;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = HostArrays.tensor(m, logits, new Shape(labels.length, T, V));
      float got = CtcLoss.of(x, CtcTargets.of(labels, V, T), m).getFloat();
      assertEquals(expected, got, 1e-4);
    }
  }

  @Test
  void labelsThatCannotFitAreLeftOut() {
    CtcTargets t = CtcTargets.of(new int[][] {{1, 1, 1}, {1, 2}}, V, 4); // 1,1,1 needs 5 steps
    assertEquals(0f, t.weight()[0]);
    assertEquals(0.5f, t.weight()[1]);
  }

  /** Sum over all V^T paths that collapse (merge repeats, drop blanks) to {@code label}. */
  private static double pathProbability(float[] logits, int sample, int[] label) {
    double total = 0;
    int paths = (int) Math.pow(V, T);
    for (int code = 0; code < paths; code++) {
      int[] path = new int[T];
      int c = code;
      for (int t = 0; t < T; t++) {
        path[t] = c % V;
        c /= V;
      }
      List<Integer> collapsed = new ArrayList<>();
      for (int t = 0; t < T; t++) {
        if (path[t] != 0 && (t == 0 || path[t] != path[t - 1])) {
          collapsed.add(path[t]);
        }
      }
      if (!collapsed.equals(java.util.Arrays.stream(label).boxed().toList())) {
        continue;
      }
      double p = 1;
      for (int t = 0; t < T; t++) {
        int o = (sample * T + t) * V;
        double sum = 0;
        for (int k = 0; k < V; k++) {
          sum += Math.exp(logits[o + k]);
        }
        p *= Math.exp(logits[o + path[t]]) / sum;
      }
      total += p;
    }
    return total;
  }
}
