package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcScoresTest {
  private static final int FRAMES = 4;
  private static final int VOCABULARY = 3; // blank (0) and two symbols

  /** Random per-frame log-softmax rows, laid out (1, N, V). */
  private static float[] randomLogProbs(long seed) {
    Random r = new Random(seed);
    float[] out = new float[FRAMES * VOCABULARY];
    for (int t = 0; t < FRAMES; t++) {
      double[] e = new double[VOCABULARY];
      double sum = 0;
      for (int k = 0; k < VOCABULARY; k++) {
        e[k] = Math.exp(r.nextGaussian() * 2);
        sum += e[k];
      }
      for (int k = 0; k < VOCABULARY; k++) {
        out[t * VOCABULARY + k] = (float) Math.log(e[k] / sum);
      }
    }
    return out;
  }

  /** Every frame path's probability, summed per collapsed label (repeats merged, blanks dropped). */
  private static Map<List<Integer>, Double> bruteForce(float[] lp) {
    Map<List<Integer>, Double> out = new HashMap<>();
    int paths = (int) Math.pow(VOCABULARY, FRAMES);
    for (int code = 0; code < paths; code++) {
      double logP = 0;
      List<Integer> label = new ArrayList<>();
      int previous = 0;
      int c = code;
      for (int t = 0; t < FRAMES; t++) {
        int k = c % VOCABULARY;
        c /= VOCABULARY;
        logP += lp[t * VOCABULARY + k];
        if (k != 0 && k != previous) {
          label.add(k);
        }
        previous = k;
      }
      out.merge(label, Math.exp(logP), Double::sum);
    }
    return out;
  }

  @Test
  void likelihoodSumsEveryAlignment() {
    for (long seed = 0; seed < 5; seed++) {
      float[] lp = randomLogProbs(seed);
      CtcScores scores = new CtcScores(lp, 0, FRAMES, VOCABULARY);
      double total = 0;
      for (Map.Entry<List<Integer>, Double> e : bruteForce(lp).entrySet()) {
        int[] label = e.getKey().stream().mapToInt(Integer::intValue).toArray();
        double p = Math.exp(scores.logLikelihood(label));
        assertEquals(e.getValue(), p, 1e-6, "label " + e.getKey());
        total += p;
      }
      assertEquals(1.0, total, 1e-5, "the labels' probabilities must add up to 1");
    }
  }

  @Test
  void labelsTooLongForTheFramesAreImpossible() {
    CtcScores scores = new CtcScores(randomLogProbs(7), 0, FRAMES, VOCABULARY);
    // "1 1 1" needs a blank between equal symbols: 5 frames, there are 4.
    assertEquals(Double.NEGATIVE_INFINITY, scores.logLikelihood(new int[] {1, 1, 1}));
    assertTrue(scores.logLikelihood(new int[] {1, 2, 1}) > Double.NEGATIVE_INFINITY);
  }

  @Test
  void greedyMergesRepeatsAndDropsBlanks() {
    int[] path = {1, 1, 0, 1};
    float[] lp = new float[FRAMES * VOCABULARY];
    java.util.Arrays.fill(lp, (float) Math.log(0.1));
    for (int t = 0; t < FRAMES; t++) {
      lp[t * VOCABULARY + path[t]] = (float) Math.log(0.8);
    }
    assertArrayEquals(new int[] {1, 1}, new CtcScores(lp, 0, FRAMES, VOCABULARY).greedy());
  }

  @Test
  void wideBeamFindsTheMostLikelyLabel() {
    for (long seed = 0; seed < 10; seed++) {
      float[] lp = randomLogProbs(seed);
      List<Integer> best = bruteForce(lp).entrySet().stream()
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      int[] expected = best.stream().mapToInt(Integer::intValue).toArray();
      List<int[]> beam = new CtcScores(lp, 0, FRAMES, VOCABULARY).beamSearch(50);
      assertArrayEquals(expected, beam.get(0), "seed " + seed);
    }
  }

  @Test
  void readsTheRequestedImageOfABatch() {
    float[] first = randomLogProbs(1);
    float[] second = randomLogProbs(2);
    float[] batch = new float[first.length * 2];
    System.arraycopy(first, 0, batch, 0, first.length);
    System.arraycopy(second, 0, batch, first.length, second.length);
    int[] label = {2, 1};
    assertEquals(
        new CtcScores(second, 0, FRAMES, VOCABULARY).logLikelihood(label),
        new CtcScores(batch, 1, FRAMES, VOCABULARY).logLikelihood(label), 1e-12);
  }
}
