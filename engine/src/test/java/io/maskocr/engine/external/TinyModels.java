package io.maskocr.engine.external;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.maskocr.engine.Sha256;
import io.maskocr.engine.infer.onnx.OnnxGraphWriter;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;

/**
 * Tiny recognizers written by the tests, with readings known by construction: the crop is
 * averaged over blocks of columns and each block is read as the class whose colour is nearest
 * (logits {@code beta * (f . p - |p|^2 / 2)} for the class colours {@code p}). A red block reads
 * the first dictionary symbol, green the second, blue the third.
 */
public final class TinyModels {
  /** Dictionary of both models: red, green, blue. */
  public static final List<String> KEYS = List.of("a", "b", "c");
  private static final float BETA = 4;

  private TinyModels() {}

  /**
   * A PP-OCR-shaped CTC model: input {@code [B, 3, 48, W]} (BGR in [-1, 1]), one time step per
   * 8 columns, softmax over {@code [blank = white, a, b, c, space = black]}. With {@code fixedT}
   * it reshapes to exactly 40 steps, so it runs on 320-pixel tensors only (a model that fails at
   * run time on a wide crop).
   */
  public static byte[] ctc(boolean fixedT) {
    // class colours in tensor channel order B, G, R, normalised to [-1, 1]
    float[][] protos = {{1, 1, 1}, {-1, -1, 1}, {-1, 1, -1}, {1, -1, -1}, {-1, -1, -1}};
    return graph(48, 8, protos, fixedT ? 40 : -1, true);
  }

  /**
   * A PARSeq-shaped model as OnnxTR exports it: input {@code [B, 3, 32, 128]} (RGB normalised
   * with OnnxTR's mean and std), 8 positions of 16 columns, logits over {@code [a, b, c, <eos> =
   * white]}.
   */
  static byte[] parseq() {
    double[] mean = ExternalKind.PARSEQ.defaults().input().mean();
    double[] std = ExternalKind.PARSEQ.defaults().input().std();
    int[][] rgb = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
    float[][] protos = new float[rgb.length][3];
    for (int k = 0; k < rgb.length; k++) {
      for (int c = 0; c < 3; c++) {
        protos[k][c] = (float) ((rgb[k][c] - mean[c]) / std[c]);
      }
    }
    return graph(32, 16, protos, -1, false);
  }

  /** A model that is not a recognizer: its output is its input image. */
  static byte[] identity() {
    return new OnnxGraphWriter("tiny", 13).input("x", null, 3L, 48L, null).output("y", null, 3L, 48L, null)
        .node("Identity", List.of("x"), List.of("y")).build();
  }

  private static byte[] graph(int h, int block, float[][] protos, long steps, boolean softmax) {
    int classes = protos.length;
    float[] w = new float[3 * classes];
    float[] bias = new float[classes];
    for (int k = 0; k < classes; k++) {
      double norm = 0;
      for (int c = 0; c < 3; c++) {
        w[c * classes + k] = BETA * protos[k][c];
        norm += protos[k][c] * protos[k][c];
      }
      bias[k] = (float) (-BETA * norm / 2);
    }
    OnnxGraphWriter g = new OnnxGraphWriter("tiny", 13).input("x", null, 3L, (long) h, null).output("y", null, null, (long) classes)
        .floats("w", w, 3, classes).floats("bias", bias, classes).longs("shape", new long[] {0, 3, steps}, 3)
        .node("AveragePool", List.of("x"), List.of("pooled"), OnnxGraphWriter.ints("kernel_shape", h, block),
            OnnxGraphWriter.ints("strides", h, block))
        .node("Reshape", List.of("pooled", "shape"), List.of("flat"))
        .node("Transpose", List.of("flat"), List.of("steps"), OnnxGraphWriter.ints("perm", 0, 2, 1))
        .node("MatMul", List.of("steps", "w"), List.of("scores"))
        .node("Add", List.of("scores", "bias"), List.of(softmax ? "logits" : "y"));
    if (softmax) {
      g.node("Softmax", List.of("logits"), List.of("y"), OnnxGraphWriter.intAttr("axis", -1));
    }
    return g.build();
  }

  /** A crop of coloured blocks, each {@code block} pixels wide, {@code h} tall. */
  public static BufferedImage blocks(int block, int h, Color... colours) {
    BufferedImage img = new BufferedImage(block * colours.length, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    for (int i = 0; i < colours.length; i++) {
      g.setColor(colours[i]);
      g.fillRect(i * block, 0, block, h);
    }
    g.dispose();
    return img;
  }

  /**
   * Stores each crop as a PNG sample of {@code dataset} named {@code c<i>.png}, labelled with
   * {@code labels.get(i)} (null: unlabelled).
   */
  public static void addSamples(Workspace ws, long dataset, List<BufferedImage> crops, List<String> labels, Split split)
      throws IOException {
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(crops.get(i), "png", png);
      String sha = Sha256.hex(Sha256.digest().digest(png.toByteArray()));
      ws.images().put(sha, "png", png.toByteArray());
      batch.add(new NewSample(sha, "png", crops.get(i).getWidth(), crops.get(i).getHeight(), "c" + i + ".png", split,
          labels.get(i)));
    }
    ws.samples().addBatch(dataset, batch, "test");
  }

  /** Writes {@code bytes} to {@code dir/name} and returns the path. */
  public static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), bytes);
  }

  /** Writes the dictionary, one symbol per line. */
  public static Path keys(Path dir, List<String> symbols) throws IOException {
    return Files.writeString(dir.resolve("keys.txt"), String.join("\n", symbols) + "\n");
  }
}
