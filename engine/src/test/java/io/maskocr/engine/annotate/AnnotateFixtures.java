package io.maskocr.engine.annotate;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Word images in a workspace and a micro checkpoint, for the annotation tests. */
final class AnnotateFixtures {
  private AnnotateFixtures() {}

  /** A model small enough to train a few steps in a second or two. */
  static final ModelSpec MICRO = new ModelSpec("tiny", Map.ofEntries(
      Map.entry("imageWidth", 64), Map.entry("width", 32), Map.entry("depth", 1), Map.entry("heads", 2),
      Map.entry("decoderDepth", 1), Map.entry("decoderHeads", 2), Map.entry("mimWidth", 16),
      Map.entry("mimDepth", 1), Map.entry("mimHeads", 2), Map.entry("maxLength", 8),
      Map.entry("charset", "latin36")));

  /** PNG of a word in black on white. */
  static byte[] wordPng(String word) throws IOException {
    BufferedImage img = new BufferedImage(16 + 12 * word.length(), 28, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 20));
    g.drawString(word, 8, 21);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /**
   * Adds one sample per word; {@code labelled} words get an import label, the others none.
   *
   * @return the new samples in id order
   */
  static List<Sample> addWords(Workspace ws, long datasetId, List<String> words, Split split, boolean labelled)
      throws Exception {
    List<NewSample> batch = new ArrayList<>();
    for (String w : words) {
      byte[] png = wordPng(w);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
      ws.images().put(sha, "png", png);
      batch.add(new NewSample(sha, "png", 16 + 12 * w.length(), 28, w + ".png", split, labelled ? w : null));
    }
    ws.samples().addBatch(datasetId, batch, "test");
    List<Sample> all = ws.samples().page(SampleQuery.of(datasetId, 10_000));
    return all.subList(all.size() - words.size(), all.size());
  }

  /** A run with one saved checkpoint of an untrained micro model; returns its key. */
  static String microCheckpoint(Workspace ws) throws Exception {
    StageConfig stage = new StageConfig("finetune", 1, 8, 1e-3, null, 1, null, null, null, null,
        List.of(DataSpec.split("*", "train")));
    Recipe recipe = new Recipe("micro", "", 1L, MICRO, 60.0, 1, 100, List.of(stage));
    long runId = ws.runs().create(new NewRun("micro", "{}", 1, "{}", "test", "test", List.of(), "")).id();
    Path dir = ws.runs().dir(runId);
    try (MaskOcrModel m = MaskOcrModel.create(MICRO.resolve(), CharacterSet.latin36())) {
      Checkpoints.save(dir, Checkpoints.info(Long.toString(runId), 1, 1, 0, m, recipe), m, null);
    }
    return runId + "@1";
  }
}
