package io.maskocr.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Stage types by name; new stages (milm, dptr, odm) plug in with {@link #register}. */
public final class StageRegistry {
  /** Creates a stage from its recipe entry. */
  @FunctionalInterface
  public interface Factory {
    Stage create(StageConfig config, StageContext context);
  }

  private final Map<String, Factory> factories = new LinkedHashMap<>();

  /**
   * A registry with this package's stages, {@code mim} and {@code finetune}. The full set, with
   * the pre-training stages, is composed one level up ({@code io.maskocr.engine.run.StandardStages}),
   * so that this package never depends on the stages that build on it.
   */
  public static StageRegistry core() {
    StageRegistry r = new StageRegistry();
    r.register("mim", MimStage::new);
    r.register("finetune", FinetuneStage::new);
    return r;
  }

  /** Adds or replaces a stage type. */
  public StageRegistry register(String type, Factory factory) {
    factories.put(type, factory);
    return this;
  }

  /** Known stage types. */
  public Set<String> types() {
    return factories.keySet();
  }

  /** A stage of {@code config.type()}; unknown types are refused with the known ones listed. */
  public Stage create(StageConfig config, StageContext context) {
    Factory f = factories.get(config.type());
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown stage type '" + config.type() + "': this build knows " + types());
    }
    return f.create(config, context);
  }
}
