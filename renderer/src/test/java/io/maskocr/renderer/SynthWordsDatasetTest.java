package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.renderer.config.StyleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * samples/datasets/synth-words must be what the renderer makes today (default config, seed
 * 2026): when geometry or text choice changes, regenerate it with the command in its README.
 */
class SynthWordsDatasetTest {
  @Test
  void committedSampleDatasetMatchesTheRenderer() throws Exception {
    Path dir = TestAssets.repo().resolve("samples/datasets/synth-words");
    List<String> labels = Files.readAllLines(dir.resolve("labels.tsv"));
    List<String> boxes = Files.readAllLines(dir.resolve("boxes.jsonl"));
    assertEquals(300, labels.size());
    SampleRenderer r = new SampleRenderer(StyleConfig.defaults(), TestAssets.get(), 128, 32, 2026);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 300; i += 7) {
      RenderedSample s = r.render(i);
      String[] cols = labels.get(i).split("\t", 2);
      assertEquals(s.text(), cols[1], "label " + i + "; regenerate synth-words (see its README)");
      assertEquals(true, Files.isRegularFile(dir.resolve(cols[0])), cols[0]);
      JsonNode b = json.readTree(boxes.get(i)).get("boxes");
      for (int k = 0; k < s.boxes().size(); k++) {
        assertEquals(s.boxes().get(k).x0(), b.get(k).get(0).asDouble(), 0.006, "box x0 of sample " + i);
        assertEquals(s.boxes().get(k).y1(), b.get(k).get(3).asDouble(), 0.006, "box y1 of sample " + i);
      }
    }
  }
}
