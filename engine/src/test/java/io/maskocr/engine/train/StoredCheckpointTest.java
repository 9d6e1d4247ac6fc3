package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's code reads a checkpoint written earlier ({@link StoredCheckpoints}): it loads, and reads
 * the words it was trained on as it did when it was stored; a checkpoint.json with fields this
 * build does not know (written by a newer one) still loads.
 */
class StoredCheckpointTest {
  @TempDir Path tmp;

  static Path stored() throws Exception {
    return Path.of(StoredCheckpointTest.class.getClassLoader().getResource(StoredCheckpoints.FOLDER).toURI());
  }

  /** Reads the fixture's words with the checkpoint in {@code dir} and compares with expected.tsv. */
  private static void readsAsStored(Path dir) throws Exception {
    List<String[]> expected = Files.readAllLines(stored().resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
        .map(l -> l.split("\t")).toList();
    try (Recognizer r = Recognizer.load(dir)) {
      List<Sample> words = GlyphData.samples(r.config(), expected.stream().map(e -> e[0]).toList());
      List<Prediction> p = r.predict(words.stream().map(Sample::pixels).toList());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i)[1], p.get(i).text(), "word " + expected.get(i)[0]);
        assertEquals(Double.parseDouble(expected.get(i)[2]), p.get(i).confidence(), 2e-3, "word " + expected.get(i)[0]);
      }
    }
  }

  @Test
  void aStoredCheckpointLoadsAndPredictsAsItDidWhenStored() throws Exception {
    CheckpointInfo info = Checkpoints.readInfo(stored());
    assertEquals(1, info.format());
    assertEquals(150, info.step());
    assertEquals("latin36", info.charsetName());
    assertEquals(24, info.model().width());
    assertEquals("finetune", info.recipe().stages().get(0).type());
    assertTrue(Files.size(stored().resolve("weights.bin")) < 200_000, "the fixture stays small");
    readsAsStored(stored());
  }

  @Test
  void fieldsWrittenByANewerBuildAreIgnored() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("newer"));
    Files.copy(stored().resolve("weights.bin"), dir.resolve("weights.bin"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode c = (ObjectNode) json.readTree(stored().resolve("checkpoint.json").toFile());
    c.put("futureField", "from a newer build");
    c.putObject("futureObject").put("x", 1);
    ((ObjectNode) c.get("model")).put("futureModelSetting", 3);
    ((ObjectNode) c.get("recipe")).put("futureRecipeField", true);
    ObjectNode stage = (ObjectNode) c.get("recipe").get("stages").get(0);
    stage.put("futureStageField", 0.5);
    ((ObjectNode) stage.get("data").get(0)).put("futureDataField", "x");
    json.writeValue(dir.resolve("checkpoint.json").toFile(), c);

    CheckpointInfo info = Checkpoints.readInfo(dir);
    assertEquals(150, info.step());
    readsAsStored(dir);
  }

  @Test
  void aNewerFormatIsRefusedByName() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("format2"));
    ObjectNode c = (ObjectNode) new ObjectMapper().readTree(stored().resolve("checkpoint.json").toFile());
    c.put("format", CheckpointInfo.FORMAT + 1);
    new ObjectMapper().writeValue(dir.resolve("checkpoint.json").toFile(), c);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.readInfo(dir));
    assertTrue(e.getMessage().contains("format " + (CheckpointInfo.FORMAT + 1)), e.getMessage());
  }
}
