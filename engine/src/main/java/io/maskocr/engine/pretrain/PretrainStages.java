package io.maskocr.engine.pretrain;

import io.maskocr.engine.train.StageRegistry;

/** Registers the pre-training stages of the three papers: {@code milm}, {@code dptr}, {@code odm}. */
public final class PretrainStages {
  private PretrainStages() {}

  /** Adds milm, dptr and odm to {@code registry}. */
  public static StageRegistry registerAll(StageRegistry registry) {
    return registerAll(registry, ProbeSink.NONE);
  }

  /**
   * Adds milm, dptr and odm, with milm and odm also sending their snapshots to {@code sink}
   * (the MILM and ODM viewers' data), e.g. {@code registerAll(StageRegistry.core(), sink)}.
   */
  public static StageRegistry registerAll(StageRegistry registry, ProbeSink sink) {
    return registry
        .register("milm", (c, ctx) -> new MilmStage(c, ctx).probeSink(sink))
        .register("dptr", DptrStage::new)
        .register("odm", (c, ctx) -> new OdmStage(c, ctx).probeSink(sink));
  }
}
