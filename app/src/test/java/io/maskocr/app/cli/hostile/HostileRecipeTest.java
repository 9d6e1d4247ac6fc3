package io.maskocr.app.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken recipe files given to {@code maskocr train --recipe FILE}: each is refused before a
 * run is registered, with one line naming the file and what to change; the workspace keeps
 * exactly what it held (no failed run left behind).
 */
class HostileRecipeTest {
  @TempDir Path tmp;

  /**
   * @param name test name
   * @param stage the JSON of the single stage (or null to use {@code whole} as the file)
   * @param whole the whole file when {@code stage} is null
   * @param mention what the error line must contain besides the file name
   */
  record Case(String name, String stage, String whole, List<String> mention) {
    @Override
    public String toString() {
      return name;
    }

    String json() {
      return stage == null ? whole
          : "{\"name\": \"hostile\", \"model\": {\"preset\": \"tiny\"}, \"stages\": [" + stage + "]}";
    }
  }

  static final String SYNTH = "\"data\": [{\"kind\": \"synthetic\"}]";

  static List<Case> cases() {
    return List.of(
        new Case("unknown-key", "{\"type\": \"finetune\", \"steps\": 5, \"lrr\": 0.1, " + SYNTH + "}", null,
            List.of("\"lrr\"", "stages[0]")),
        new Case("unknown-top-level-key", null, "{\"name\": \"h\", \"stagez\": [], \"stages\": [{\"type\": \"finetune\","
            + " \"steps\": 5, " + SYNTH + "}]}", List.of("\"stagez\"")),
        new Case("wrong-type-steps-string", "{\"type\": \"finetune\", \"steps\": \"ten\", " + SYNTH + "}", null,
            List.of("\"steps\"", "ten")),
        new Case("wrong-type-data-not-a-list", "{\"type\": \"finetune\", \"steps\": 5, \"data\": \"synthetic\"}", null,
            List.of("\"data\"")),
        new Case("nan-learning-rate-string", "{\"type\": \"finetune\", \"steps\": 5, \"lr\": \"NaN\", " + SYNTH + "}",
            null, List.of("lr", "NaN")),
        new Case("nan-learning-rate-literal", "{\"type\": \"finetune\", \"steps\": 5, \"lr\": NaN, " + SYNTH + "}",
            null, List.of("NaN")),
        new Case("nan-min-learning-rate", "{\"type\": \"finetune\", \"steps\": 5, \"minLr\": \"NaN\", " + SYNTH + "}",
            null, List.of("minLr", "NaN")),
        new Case("negative-learning-rate", "{\"type\": \"finetune\", \"steps\": 5, \"lr\": -0.001, " + SYNTH + "}",
            null, List.of("lr", "-0.001")),
        new Case("infinite-weight-decay", "{\"type\": \"finetune\", \"steps\": 5, \"weightDecay\": \"Infinity\", "
            + SYNTH + "}", null, List.of("weightDecay", "Infinity")),
        new Case("zero-steps", "{\"type\": \"finetune\", \"steps\": 0, " + SYNTH + "}", null, List.of("steps", "0")),
        new Case("missing-dataset", "{\"type\": \"finetune\", \"steps\": 5, \"data\": [{\"kind\": \"split\","
            + " \"dataset\": \"ghost\", \"split\": \"train\"}]}", null, List.of("'ghost'", "maskocr import")),
        new Case("missing-folder", "{\"type\": \"finetune\", \"steps\": 5, \"data\": [{\"kind\": \"folder\","
            + " \"path\": \"/nonexistent/crops\"}]}", null, List.of("/nonexistent/crops")),
        new Case("not-json-at-all", null, "stages: [ {type: finetune", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void brokenRecipeIsRefusedBeforeAnyRun(Case c) {
    Path ws = BaseWorkspace.create(tmp);
    Path file = HostileFiles.write(tmp.resolve("recipe-" + c.name() + ".json"), c.json());
    Snapshot before = Snapshot.of(ws);

    Cli run = Cli.run("train", "--recipe", file.toString(), "--steps", "2", "-w", ws.toString());

    String[] mention = new java.util.ArrayList<String>(c.mention()) {{ add(file.getFileName().toString()); }}
        .toArray(String[]::new);
    run.assertOneLineFailure(1, "train", mention);
    Snapshot.of(ws).assertSameAs(before);
  }

  @org.junit.jupiter.api.Test
  void everyBuiltInRecipePassesTheStricterChecks() {
    List<String> names = io.maskocr.engine.train.Recipes.builtIn();
    assertTrue(names.contains("quick"), names.toString());
    for (String n : names) {
      assertTrue(io.maskocr.engine.train.Recipes.load(n).totalSteps() > 0, n);
    }
  }

  @org.junit.jupiter.api.Test
  void missingRecipeFileNamesItAndTheBuiltIns() {
    Path ws = BaseWorkspace.create(tmp);
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("train", "--recipe", tmp.resolve("nope.json").toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "train", "nope.json", "built-in: ");
    assertTrue(run.err().contains("quick"), run.err());
    Snapshot.of(ws).assertSameAs(before);
  }
}
