package io.maskocr.engine.metrics;

import java.util.List;
import java.util.SortedMap;

/**
 * Results of evaluating a recognizer on a labeled set.
 *
 * @param count number of samples
 * @param accuracy36 word accuracy under the 36-symbol protocol (lower-case, alphanumerics)
 * @param accuracyFull case-sensitive word accuracy on the full text
 * @param meanOneMinusNed mean 1-NED (ICDAR 2019) under the 36-symbol protocol
 * @param meanConfidence mean sequence confidence (product of character probabilities)
 * @param byLength word length (36-protocol ground truth) -> {@code [correct, total]}
 * @param confusions most frequent character confusions (full text), most frequent first
 * @param accuracy36Ctc 36-symbol word accuracy of the auxiliary CTC head read greedily (null
 *     when not measured): shows how much the encoder alone can read
 * @param accuracy36Decoder 36-symbol word accuracy of the parallel decoder alone (null when not
 *     measured); {@code accuracy36} may be higher when the reader also consults the CTC head
 * @param accuracy36WithoutPrior 36-symbol word accuracy of the two heads' joint reading without
 *     the English spelling prior (null when the reader uses no prior)
 */
public record EvaluationReport(
    int count,
    double accuracy36,
    double accuracyFull,
    double meanOneMinusNed,
    double meanConfidence,
    SortedMap<Integer, int[]> byLength,
    List<Confusion> confusions,
    Double accuracy36Ctc,
    Double accuracy36Decoder,
    Double accuracy36WithoutPrior) {}
