package io.maskocr.engine.pretrain;

import java.util.SplittableRandom;

/**
 * ODM's text controller. The pixel head is told which text to draw (the prompt); for a share
 * of the characters drawn uniformly from {@code [minShare, maxShare]} the prompt and the target
 * disagree with the image on purpose:
 *
 * <ul>
 *   <li><b>drop</b>: the prompt leaves the character out and the target erases it, so the
 *       model must draw only what it is asked for, finding each prompted character in the
 *       image;
 *   <li><b>noise</b> (share {@code noiseShare} of the affected characters): the prompt names a
 *       different symbol than the image shows, and the target erases it, so the model must
 *       check the glyph's identity against the prompt instead of copying ink.
 * </ul>
 *
 * Both push the encoder to know which character is where, which is what recognition needs.
 *
 * @param minShare smallest share of affected characters (0.1 in the paper's spirit)
 * @param maxShare largest share (0.3)
 * @param noiseShare of the affected characters, the share noised rather than dropped
 */
public record TextController(double minShare, double maxShare, double noiseShare) {
  /** What the controller did to one label. */
  public enum Action {
    KEEP,
    DROP,
    NOISE
  }

  /** Checks ranges. */
  public TextController {
    if (!(minShare >= 0 && minShare <= maxShare && maxShare <= 1)) {
      throw new IllegalArgumentException(
          "text controller needs 0 <= controlMin <= controlMax <= 1, got " + minShare + " and " + maxShare);
    }
    if (!(noiseShare >= 0 && noiseShare <= 1)) {
      throw new IllegalArgumentException("text controller noiseShare must be within 0..1, got " + noiseShare);
    }
  }

  /**
   * Chooses an action per character. The number of affected characters is the drawn share
   * times the length, rounded at random (so short words are affected at the configured rate
   * on average).
   */
  public Action[] choose(int length, SplittableRandom r) {
    Action[] out = new Action[length];
    java.util.Arrays.fill(out, Action.KEEP);
    double share = minShare + (maxShare - minShare) * r.nextDouble();
    int k = (int) Math.floor(share * length + r.nextDouble());
    k = Math.min(k, length);
    for (int picked = 0; picked < k; ) {
      int c = r.nextInt(length);
      if (out[c] == Action.KEEP) {
        out[c] = r.nextDouble() < noiseShare ? Action.NOISE : Action.DROP;
        picked++;
      }
    }
    return out;
  }
}
