package io.maskocr.test.annotate;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;

/**
 * A workspace with word images and a checkpoint's predictions, some of them wrong, with
 * confidences that put the wrong ones first: what the Annotate section opens on.
 */
final class AnnotateSeed {
  private AnnotateSeed() {}

  static final String CHECKPOINT = "1@100";
  static final List<String> WORDS = List.of(
      "coffee", "open", "station", "exit", "parking", "menu", "hotel", "bakery", "stop", "sale",
      "market", "pizza", "books", "garden", "taxi", "museum", "bridge", "lobby", "pharmacy", "street",
      "cinema", "north", "bank", "ticket", "library", "post", "river", "avenue");

  /** Keeps the app's settings in {@code tmp} (not the user's) with annotator "tess" set. */
  static void settingsWithAnnotator(Path tmp) throws Exception {
    System.setProperty("maskocr.settings", tmp.resolve("studio.json").toString());
    new io.maskocr.app.ui.annotate.AnnotatorSettings("tess").save(
        io.maskocr.app.ui.annotate.AnnotatorSettings.defaultFile());
  }

  /** What the "model" read: every third word misread in one letter. */
  static String misread(int i) {
    String w = WORDS.get(i);
    if (i % 3 != 0) {
      return w;
    }
    char c = w.charAt(1) == 'o' ? 'a' : 'o';
    return w.charAt(0) + String.valueOf(c) + w.substring(2);
  }

  /**
   * Creates dataset {@code street} with every word (unlabelled, train split) and the
   * predictions of {@link #CHECKPOINT}; returns the true text by sample id.
   */
  static Map<Long, String> create(Path workspace) throws Exception {
    Map<Long, String> truth = new LinkedHashMap<>();
    try (Workspace ws = Workspace.open(workspace)) {
      Dataset d = ws.datasets().create("street");
      addWords(ws, d.id(), i -> Split.TRAIN, i -> null);
      List<Sample> samples = ws.samples().page(SampleQuery.of(d.id(), 100));
      List<Prediction> preds = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        String read = misread(i);
        boolean wrong = !read.equals(WORDS.get(i));
        // wrong readings are the least confident: they come first in the queue
        double conf = (wrong ? 0.2 : 0.6) + i * 0.01;
        float[] probs = new float[read.length()];
        for (int k = 0; k < probs.length; k++) {
          probs[k] = wrong && k == 1 ? 0.3f : 0.97f;
        }
        preds.add(new Prediction(samples.get(i).id(), CHECKPOINT, read, conf, probs));
      }
      ws.predictions().insertBatch(preds);
      for (int i = 0; i < samples.size(); i++) {
        truth.put(samples.get(i).id(), WORDS.get(i));
      }
    }
    return truth;
  }

  /** Stores one image per word of {@link #WORDS} in the dataset, with the split and label given per index. */
  static void addWords(Workspace ws, long datasetId, IntFunction<Split> split, IntFunction<String> label)
      throws Exception {
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < WORDS.size(); i++) {
      String w = WORDS.get(i);
      byte[] png = png(w);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
      ws.images().put(sha, "png", png);
      batch.add(new NewSample(sha, "png", 20 + 18 * w.length(), 40, w + ".png", split.apply(i), label.apply(i)));
    }
    ws.samples().addBatch(datasetId, batch, "test");
  }

  static byte[] png(String word) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(io.maskocr.engine.infer.WordPictures.level(word), "png", out);
    return out.toByteArray();
  }
}
