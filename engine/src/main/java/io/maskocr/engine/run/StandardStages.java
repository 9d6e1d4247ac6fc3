package io.maskocr.engine.run;

import io.maskocr.engine.pretrain.PretrainStages;
import io.maskocr.engine.train.StageRegistry;

/**
 * The composition root of stage types: the trainer's own ({@code mim}, {@code finetune}) plus the
 * papers' pre-training stages ({@code milm}, {@code dptr}, {@code odm}). It lives above both
 * packages so that {@code train} never depends on {@code pretrain}, which builds on it.
 */
public final class StandardStages {
  private StandardStages() {}

  /** Every stage type a recipe may name. */
  public static StageRegistry registry() {
    return PretrainStages.registerAll(StageRegistry.core());
  }
}
