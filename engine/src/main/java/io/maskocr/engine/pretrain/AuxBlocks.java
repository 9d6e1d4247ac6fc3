package io.maskocr.engine.pretrain;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.NamedParameter;
import java.util.ArrayList;
import java.util.List;

/** Initializes a stage-owned block in the model's manager and names its parameters. */
final class AuxBlocks {
  private AuxBlocks() {}

  static List<NamedParameter> initialize(AbstractBlock block, MaskOcrModel model, String name, Shape... inputs) {
    block.initialize(model.manager(), DataType.FLOAT32, inputs);
    List<NamedParameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.add(new NamedParameter(ModelPart.AUXILIARY.prefix() + "." + name + "." + p.getKey(),
          ModelPart.AUXILIARY, p.getValue()));
    }
    return out;
  }
}
