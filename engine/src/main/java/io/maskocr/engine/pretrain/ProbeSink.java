package io.maskocr.engine.pretrain;

/**
 * Receives the pre-training stages' viewer snapshots in plain values: what MILM's decoder
 * guessed for the hidden characters, and ODM's input | predicted clean image | target. Called
 * on the trainer thread at every snapshot step; implementations must return quickly (hand the
 * value to the UI, latest wins).
 */
public interface ProbeSink {
  /** No-op sink. */
  ProbeSink NONE = new ProbeSink() {};

  /** A MILM snapshot. */
  default void milm(String runId, long step, MilmProbe.Result result) {}

  /** An ODM snapshot. */
  default void odm(String runId, long step, OdmProbe.Result result) {}
}
