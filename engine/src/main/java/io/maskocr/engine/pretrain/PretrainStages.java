package io.maskocr.engine.pretrain;

import io.maskocr.engine.train.StageRegistry;

/** Registers the pre-training stages of the three papers: {@code milm}, {@code dptr}, {@code odm}. */
public final class PretrainStages {
  private PretrainStages() {}

  /** Adds milm, dptr and odm to {@code registry}. */
  public static StageRegistry registerAll(StageRegistry registry) {
    return registry
        .register("milm", MilmStage::new)
        .register("dptr", DptrStage::new)
        .register("odm", OdmStage::new);
  }
}
