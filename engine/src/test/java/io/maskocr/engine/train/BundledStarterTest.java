package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The starter model in the repository: it loads offline, says where it came from, and reads. */
class BundledStarterTest {
  @Test
  void theStarterLoadsFromTheCheckoutWithItsProvenance() throws Exception {
    Path dir = StarterModel.require();
    assertTrue(Files.size(dir.resolve("weights.bin")) <= 16L << 20, "at most 16 MB");
    CheckpointInfo info = Checkpoints.readInfo(dir);
    assertEquals("latin36", info.charsetName());
    assertEquals(info.step(), info.recipe().totalSteps(), "its recipe is its whole history");
    JsonNode p = Recipes.json().readTree(dir.resolve("checkpoint.json").toFile()).path("provenance");
    for (String field : List.of("totalSteps", "imagesSeen", "wallClockHours", "gitRevision", "machine", "data", "chunks")) {
      assertTrue(p.has(field), "provenance has " + field + ": " + p);
    }
    assertEquals(info.step(), p.path("totalSteps").asLong());
    assertTrue(p.path("chunks").size() >= 1);
    for (JsonNode chunk : p.path("chunks")) {
      if ("grow".equals(chunk.path("recipe").asText())) {
        // a growth (maskocr runs grow) copies weights: no steps, no data
        assertEquals(0, chunk.path("steps").asLong(), chunk.toString());
        assertEquals(0, chunk.path("data").size(), chunk.toString());
        continue;
      }
      assertTrue(chunk.path("data").toString().contains("synthetic"), "synthetic data only: " + chunk.path("data"));
      assertTrue(!chunk.path("data").toString().contains("split"), "no workspace data: " + chunk.path("data"));
    }
  }

  private static List<BufferedImage> images = new ArrayList<>();
  private static List<String> labels = new ArrayList<>();

  @org.junit.jupiter.api.BeforeAll
  static void readBundledWords() throws Exception {
    Path words = MaskocrHome.samples().resolve("datasets").resolve("synth-words");
    for (String line : Files.readAllLines(words.resolve("labels.tsv"))) {
      String[] f = line.split("\t");
      images.add(ImageIO.read(words.resolve(f[0]).toFile()));
      labels.add(f[1].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }
  }

  @Test
  void wordsRunningUpOrDownAreReadAsWhenUpright() throws Exception {
    try (Recognizer r = Recognizer.load(StarterModel.require())) {
      List<Prediction> upright = r.predictImages(images);
      List<BufferedImage> turned = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        // words that are taller than wide once turned, and that the starter reads upright
        if (images.get(i).getWidth() > images.get(i).getHeight() && upright.get(i).text().equals(labels.get(i))) {
          turned.add(io.maskocr.engine.infer.TurnedReading.turned(images.get(i), i % 2 == 0));
          expected.add(labels.get(i));
        }
      }
      List<Prediction> read = r.predictImages(turned);
      int right = 0;
      for (int i = 0; i < read.size(); i++) {
        right += read.get(i).text().equals(expected.get(i)) ? 1 : 0;
      }
      System.out.printf("starter: %d of %d words turned a quarter read as upright%n", right, read.size());
      assertTrue(read.size() >= 10 && right >= read.size() * 0.8, right + " of " + read.size());
    }
  }

  @Test
  void slantedWordsAreReadOnTheSecondLook() throws Exception {
    try (Recognizer r = Recognizer.load(StarterModel.require())) {
      List<Prediction> upright = r.predictImages(images);
      List<BufferedImage> slanted = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        if (upright.get(i).text().equals(labels.get(i)) && labels.get(i).length() >= 4) {
          slanted.add(io.maskocr.engine.infer.WordPictures.slanted(images.get(i), i % 2 == 0 ? 20 : -20));
          expected.add(labels.get(i));
        }
      }
      List<Prediction> once = r.predict(slanted.stream().map(r.preprocessor()::toPixels).toList());
      List<Prediction> twice = r.predictImages(slanted);
      int rightOnce = 0;
      int rightTwice = 0;
      for (int i = 0; i < slanted.size(); i++) {
        rightOnce += once.get(i).text().equals(expected.get(i)) ? 1 : 0;
        rightTwice += twice.get(i).text().equals(expected.get(i)) ? 1 : 0;
      }
      System.out.printf("starter: %d of %d words at a 20-degree slant read once, %d with the second look%n",
          rightOnce, slanted.size(), rightTwice);
      assertTrue(slanted.size() >= 50, "words: " + slanted.size());
      // measured: 60 of 268 once, 249 with the second look
      assertTrue(rightTwice >= slanted.size() * 0.8 && rightTwice >= rightOnce + slanted.size() / 4,
          rightOnce + " -> " + rightTwice);
    }
  }

  @Test
  void theStarterReadsMostBundledWords() throws Exception {
    try (Recognizer r = Recognizer.load(StarterModel.require())) {
      List<Prediction> read = r.predictImages(images);
      int right = 0;
      for (int i = 0; i < read.size(); i++) {
        right += read.get(i).text().equals(labels.get(i)) ? 1 : 0;
      }
      System.out.printf("starter: %d of %d bundled words read exactly%n", right, read.size());
      assertTrue(right > read.size() / 2, "the starter reads most of the bundled words: " + right);
    }
  }
}
