package io.maskocr.engine.train;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes the stored checkpoint fixture under {@code src/test/resources/fixtures/}: a narrowed
 * micro model ({@link #config()}, latin36) trained to read {@link TrainingServiceTest#WORDS}
 * in {@link GlyphData} glyphs, saved by today's {@link Checkpoints} (format {@value
 * CheckpointInfo#FORMAT}, 32-bit weights; the optimizer file is left out), with {@code
 * expected.tsv}: each word, what the checkpoint read and its confidence. Once checked in it is
 * never rewritten: it stands for checkpoints users have on disk.
 */
final class StoredCheckpoints {
  /** Folder of the fixture under the test resources. */
  static final String FOLDER = "fixtures/checkpoint-v" + CheckpointInfo.FORMAT;

  private StoredCheckpoints() {}

  /** The micro model narrowed to width 24, so the weights stay under 200 KB. */
  static ModelConfig config() {
    ModelConfig m = TestModels.micro();
    return io.maskocr.engine.model.ModelPresets.get("tiny", java.util.Map.of(
        "imageWidth", m.imageWidth(), "width", 24, "depth", m.depth(), "heads", m.heads(), "decoderDepth",
        m.decoderDepth(), "decoderHeads", m.decoderHeads(), "mimWidth", m.mimWidth(), "mimDepth", m.mimDepth(),
        "mimHeads", m.mimHeads(), "maxLength", m.maxLength()));
  }

  static void write(Path dir, Path scratch) throws Exception {
    ModelConfig c = config();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    TrainingEvent end = TrainingServiceTest.train(TrainingServiceTest.recipe(c, 0, 150, 3e-3), scratch, data,
        TrainingOptions.unlimited(), new CopyOnWriteArrayList<>());
    if (!(end instanceof TrainingEvent.Finished)) {
      throw new IllegalStateException("fixture training ended with " + end);
    }
    Path ckpt = Checkpoints.latest(scratch).orElseThrow();
    Files.createDirectories(dir);
    for (String f : List.of("checkpoint.json", "weights.bin")) {
      Files.copy(ckpt.resolve(f), dir.resolve(f));
    }
    List<String> lines = new ArrayList<>();
    try (Recognizer r = Recognizer.load(dir)) {
      List<Prediction> p = r.predict(data.stream().map(Sample::pixels).toList());
      for (int i = 0; i < data.size(); i++) {
        lines.add(data.get(i).label() + "\t" + p.get(i).text() + "\t"
            + String.format(Locale.ROOT, "%.6f", p.get(i).confidence()));
      }
    }
    Files.write(dir.resolve("expected.tsv"), lines, StandardCharsets.UTF_8);
  }
}
