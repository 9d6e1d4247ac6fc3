package io.maskocr.engine.pretrain;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.model.Patches;
import io.maskocr.engine.train.Stage;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the milm, dptr and odm stages share: their recipe entry and context, the checks of their
 * {@code params}, the patch geometry, the viewer sink and the set-up of the blocks they own.
 */
abstract class PretrainStage implements Stage {
  protected final StageConfig config;
  protected final StageContext context;
  protected final ModelConfig model;
  protected final CharacterSet charset;
  protected final Patches patches;
  private final Set<ModelPart> trainable;
  protected ProbeSink sink = ProbeSink.NONE;

  /**
   * @param known the {@code params} keys the stage understands (others are refused by name)
   * @param trainable the model parts the stage updates
   */
  protected PretrainStage(StageConfig config, StageContext context, List<String> known, Set<ModelPart> trainable) {
    PretrainData.checkParams(config, known);
    this.config = config;
    this.context = context;
    this.model = context.config();
    this.charset = context.charset();
    this.patches = new Patches(model);
    this.trainable = Set.copyOf(trainable);
  }

  /** Also sends the stage's viewer snapshots (MILM, ODM) to {@code sink}; a no-op for the others. */
  public PretrainStage probeSink(ProbeSink sink) {
    this.sink = sink;
    return this;
  }

  @Override
  public StageConfig config() {
    return config;
  }

  @Override
  public Set<ModelPart> trainableParts() {
    return trainable;
  }

  /**
   * Initializes a stage-owned block in the model's manager, names its parameters
   * {@code aux.<name>.*} and registers them as side file {@code file} with the run's
   * checkpoints (values come back from the checkpoint when the run resumes).
   */
  protected List<NamedParameter> ownBlock(AbstractBlock block, MaskOcrModel m, String name, String file,
      Shape... inputs) {
    block.initialize(m.manager(), DataType.FLOAT32, inputs);
    List<NamedParameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.add(new NamedParameter(ModelPart.AUXILIARY.prefix() + "." + name + "." + p.getKey(), ModelPart.AUXILIARY,
          p.getValue()));
    }
    context.auxiliary().register(file, out);
    return out;
  }

  /** The patches of {@code samples}, one image after the other: {@code (B, N, P)} values. */
  protected float[] patchesOf(List<Sample> samples) {
    int np = patches.count() * patches.size();
    float[] px = new float[samples.size() * np];
    for (int i = 0; i < samples.size(); i++) {
      patches.patchify(samples.get(i).pixels(), px, i * np);
    }
    return px;
  }
}
