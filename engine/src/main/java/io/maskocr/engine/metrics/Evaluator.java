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
  private final HeadTally ctc = new HeadTally();
  private final HeadTally decoder = new HeadTally();
  private final HeadTally withoutPrior = new HeadTally();

  /** 36-symbol word accuracy of one head read on its own. */
  private static final class HeadTally {
    int count;
    int correct36;

    void add(String truth, String read) {
      count++;
      if (TextMetrics.normalize36(truth).equals(TextMetrics.normalize36(read))) {
        correct36++;
      }
    }

    Double accuracy() {
      return count == 0 ? null : (double) correct36 / count;
    }
  }

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
    ctc.add(truth, ctcRead);
  }

  /** Adds the parallel decoder's own reading of a sample, without the CTC head's say. */
  public void addDecoderAlone(String truth, String decoderRead) {
    decoder.add(truth, decoderRead);
  }

  /** Adds the two heads' joint reading of a sample without the spelling prior. */
  public void addWithoutPrior(String truth, String jointRead) {
    withoutPrior.add(truth, jointRead);
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
        ctc.accuracy(), decoder.accuracy(), withoutPrior.accuracy());
  }
}
