package io.maskocr.engine.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates predictions against ground truth: sums per sample, divides once at the end
 * (so batch sizes never bias the averages).
 */
public final class Evaluator {
  private int count;
  private int correct36;
  private int correctFull;
  private double nedSum;
  private double confidenceSum;
  private final TreeMap<Integer, int[]> byLength = new TreeMap<>();
  private final Map<String, Integer> confusions = new HashMap<>();
  private int ctcCount;
  private int ctcCorrect36;

  /** Adds one prediction with its sequence confidence. */
  public void add(String truth, String predicted, double confidence) {
    count++;
    String g = TextMetrics.normalize36(truth);
    String p = TextMetrics.normalize36(predicted);
    boolean ok = g.equals(p);
    if (ok) {
      correct36++;
    }
    if (truth.equals(predicted)) {
      correctFull++;
    }
    nedSum += TextMetrics.oneMinusNed(p, g);
    confidenceSum += confidence;
    int[] bucket = byLength.computeIfAbsent(g.length(), k -> new int[2]);
    bucket[0] += ok ? 1 : 0;
    bucket[1]++;
    for (String[] d : TextMetrics.differences(truth, predicted)) {
      confusions.merge(d[0] + "\u0000" + d[1], 1, Integer::sum);
    }
  }

  /** Adds the CTC head's reading of a sample (36-symbol accuracy only). */
  public void addCtc(String truth, String ctcRead) {
    ctcCount++;
    if (TextMetrics.normalize36(truth).equals(TextMetrics.normalize36(ctcRead))) {
      ctcCorrect36++;
    }
  }

  /** The report so far, with the {@code topConfusions} most frequent confusions. */
  public EvaluationReport report(int topConfusions) {
    List<Confusion> top = new ArrayList<>();
    confusions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(topConfusions)
        .forEach(e -> {
          String[] k = e.getKey().split("\u0000", -1);
          top.add(new Confusion(k[0], k[1], e.getValue()));
        });
    TreeMap<Integer, int[]> lengths = new TreeMap<>();
    byLength.forEach((k, v) -> lengths.put(k, v.clone()));
    double n = Math.max(1, count);
    return new EvaluationReport(
        count, correct36 / n, correctFull / n, nedSum / n, confidenceSum / n, lengths, List.copyOf(top),
        ctcCount == 0 ? null : (double) ctcCorrect36 / ctcCount);
  }
}
