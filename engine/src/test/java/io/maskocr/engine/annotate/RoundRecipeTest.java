package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A round continues the base's training: same objective, low rate, the base's data mixed in. */
class RoundRecipeTest {
  private static final DataSpec SYNTH = new DataSpec("synthetic", null, null, null, 3.0, null, "clean.json");
  private static final DataSpec OWN_SPLIT = DataSpec.split("street", "train", 1.0);

  private static CheckpointInfo base(String name, StageConfig... stages) {
    Recipe r = new Recipe(name, "", 1L, AnnotateFixtures.MICRO, 60.0, 10, 100, List.of(stages));
    return new CheckpointInfo(CheckpointInfo.FORMAT, "3", 2000, 0, 0, null, "latin36", "", true, r, "");
  }

  private static StageConfig finetune(double lr, List<DataSpec> data) {
    return new StageConfig("finetune", 2000, 16, lr, null, 100, 0.0, 0.5, 0.0, null, data, Map.of("ctcWeight", 0.5));
  }

  private static FinetuneRequest request(Double lr) {
    return new FinetuneRequest("3@2000", "street", 60, 16, lr, 0, 1);
  }

  @Test
  void keepsTheBaseObjectiveAndContinuesAtATenthOfItsPeakRate() {
    StageConfig s = RoundRecipe.of(request(null), base("mine", finetune(3e-3, List.of(OWN_SPLIT))), d -> true)
        .stages().get(0);
    assertEquals(List.of(0.0, 0.0, 0.5, 0.5), List.of(s.labelSmoothing(), s.weightDecay(), s.clipNorm(),
        s.param("ctcWeight", 1)), "label smoothing, weight decay, clip and CTC weight of the base stage");
    assertEquals(3e-4, s.lr(), 1e-12);
    assertEquals(3e-5, s.minLr(), 1e-12);
    assertEquals(List.of(RoundRecipe.own(request(null))), s.data(), "the base's own split is not mixed in twice");
  }

  @Test
  void anAskedRateWinsAndARoundOfARoundKeepsItsRate() {
    CheckpointInfo round = base(RoundRecipe.NAME, finetune(3e-4, List.of(OWN_SPLIT)));
    assertEquals(3e-4, RoundRecipe.of(request(null), round, d -> true).stages().get(0).lr(), 1e-12);
    assertEquals(1e-3, RoundRecipe.of(request(1e-3), round, d -> true).stages().get(0).lr(), 1e-12);
  }

  @Test
  void theBaseDataFillsHalfOfEveryBatchWhenStillAvailable() {
    DataSpec gone = DataSpec.split("deleted", "train");
    DataSpec other = new DataSpec("split", "shop", "train", null, 1.0, null, null);
    CheckpointInfo b = base("mixed", finetune(1e-3, List.of(SYNTH, other, gone, OWN_SPLIT)));
    List<DataSpec> data = RoundRecipe.of(request(null), b, d -> d != gone).stages().get(0).data();
    assertEquals(3, data.size());
    assertEquals(RoundRecipe.own(request(null)), data.get(0));
    assertEquals(List.of("synthetic", "shop"), List.of(data.get(1).kind(), data.get(2).dataset()));
    assertEquals("clean.json", data.get(1).style());
    // own 1.0 against 0.75 + 0.25: half of every batch is the base's data, in its own proportions
    assertEquals(List.of(1.0, 0.75, 0.25), data.stream().map(DataSpec::weight).toList());
  }

  @Test
  void aBaseWithoutFinetuneStageGetsTheDefaultObjectiveAndALowRate() {
    StageConfig mim = new StageConfig("mim", 100, 16, 1e-3, null, 10, null, null, null, new MaskSpec(null, null),
        List.of(SYNTH));
    StageConfig s = RoundRecipe.of(request(null), base("pretrain", mim), d -> true).stages().get(0);
    assertEquals(RoundRecipe.FALLBACK_LR, s.lr(), 1e-12);
    assertEquals(1, s.data().size(), "MIM data has no labels to mix in");
  }
}
