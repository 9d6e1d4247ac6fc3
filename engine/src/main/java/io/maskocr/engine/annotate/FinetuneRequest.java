package io.maskocr.engine.annotate;

/**
 * One round of the active-learning loop.
 *
 * @param baseCheckpoint key ({@code runId@step}) of the checkpoint to start from
 * @param dataset the dataset being annotated: trains on its labelled train split, scores its
 *     labelled val split, and is re-predicted afterwards
 * @param steps optimizer steps of the fine-tune
 * @param batchSize images per step
 * @param lr peak learning rate; null = continue the base's training at a low rate (see {@link
 *     RoundRecipe}: a tenth of the base stage's peak)
 * @param augment augmentation strength 0..2 of the training images
 * @param seed master seed of the new run
 */
public record FinetuneRequest(
    String baseCheckpoint, String dataset, int steps, int batchSize, Double lr, double augment, long seed) {

  /** Checks the numbers; messages name the value. */
  public FinetuneRequest {
    if (steps <= 0 || batchSize <= 0 || (lr != null && !(lr > 0))) {
      throw new IllegalArgumentException(
          "fine-tune needs steps > 0, batch > 0, lr > 0 (or none); got " + steps + ", " + batchSize + ", " + lr);
    }
  }

  /** Defaults that take about a minute on a laptop CPU with the tiny model. */
  public static FinetuneRequest quick(String baseCheckpoint, String dataset) {
    return new FinetuneRequest(baseCheckpoint, dataset, 150, 32, null, 0.5, 7);
  }

  /** The same round with another number of steps. */
  public FinetuneRequest withSteps(int n) {
    return new FinetuneRequest(baseCheckpoint, dataset, n, batchSize, lr, augment, seed);
  }
}
