package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.external.TinyModels;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maskocr model add/list/remove, predict --model and eval --model on a tiny model the test writes. */
class ModelCommandsTest {
  @TempDir Path tmp;

  @Test
  void addPredictEvalListAndRemove() throws Exception {
    String ws = tmp.resolve("ws").toString();
    Path src = tmp.resolve("src");
    Path onnx = TinyModels.write(src, "tiny.onnx", TinyModels.ctc(false));
    Path keys = TinyModels.keys(src, TinyModels.KEYS);

    CliRun add = CliRun.of("model", "add", onnx.toString(), "--kind", "ppocr-rec", "--keys", keys.toString(), "-w", ws);
    assertEquals(0, add.exit(), add.err());
    assertTrue(add.out().startsWith("added tiny (ppocr-rec, 5 output classes, dictionary of 3"), add.out());

    Path crop = tmp.resolve("crop.png");
    ImageIO.write(TinyModels.blocks(8, 48, Color.RED, Color.BLACK, Color.BLUE), "png", crop.toFile());
    CliRun predict = CliRun.of("predict", "--model", "tiny", crop.toString(), "-w", ws);
    assertEquals(0, predict.exit(), predict.err());
    assertTrue(predict.out().startsWith(crop + "\ta c\t"), predict.out());

    try (Workspace w = Workspace.open(Path.of(ws))) {
      long d = w.datasets().create("colours").id();
      TinyModels.addSamples(w, d, List.of(TinyModels.blocks(8, 48, Color.RED, Color.BLACK, Color.BLUE),
          TinyModels.blocks(8, 48, Color.GREEN)), List.of("A C", "x"), Split.TEST);
    }
    CliRun eval = CliRun.of("eval", "--model", "tiny", "--dataset", "colours", "-w", ws);
    assertEquals(0, eval.exit(), eval.err());
    assertTrue(eval.out().contains("model tiny (baseline run 1) on colours/test: 2 images"), eval.out());
    assertTrue(eval.out().contains("word accuracy (36-symbol protocol): 0.5000"), eval.out());
    assertTrue(eval.out().contains("1 of 2 readings hold characters outside 0-9a-z"), eval.out());

    CliRun list = CliRun.of("model", "list", "-w", ws);
    assertTrue(list.out().startsWith("tiny\tppocr-rec\t5 classes"), list.out());
    assertEquals(0, CliRun.of("model", "remove", "tiny", "-w", ws).exit());
    assertTrue(CliRun.of("model", "list", "-w", ws).out().startsWith("no external models"));
  }

  @Test
  void badInputsGetOneLineNamingTheFile() throws Exception {
    String ws = tmp.resolve("ws").toString();
    Path src = tmp.resolve("src");
    Path onnx = TinyModels.write(src, "tiny.onnx", TinyModels.ctc(false));
    Path shortKeys = TinyModels.keys(src, List.of("a", "b"));

    CliRun mismatch = CliRun.of("model", "add", onnx.toString(), "--kind", "ppocr-rec", "--keys", shortKeys.toString(),
        "-w", ws);
    assertEquals(1, mismatch.exit());
    assertTrue(mismatch.err().contains("tiny.onnx: 5 output classes, dictionary gives 2 + blank + space = 4"),
        mismatch.err());
    assertEquals(1, mismatch.err().strip().lines().count(), mismatch.err());

    CliRun both = CliRun.of("predict", "--run", "1", "--model", "x", onnx.toString(), "-w", ws);
    assertEquals(1, both.exit());
    assertTrue(both.err().contains("either --run ID|starter or --model NAME"), both.err());

    CliRun missing = CliRun.of("eval", "--model", "nope", "--dataset", "d", "-w", ws);
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no external model 'nope'"), missing.err());

    CliRun kind = CliRun.of("model", "add", onnx.toString(), "--kind", "crnn", "--keys", shortKeys.toString(), "-w", ws);
    assertTrue(kind.err().contains("unknown model kind 'crnn'"), kind.err());
  }
}
