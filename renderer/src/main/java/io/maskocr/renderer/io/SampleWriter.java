package io.maskocr.renderer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maskocr.renderer.CharBox;
import io.maskocr.renderer.RenderedSample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes rendered samples as a folder importable by {@code maskocr import}:
 * {@code images/NNNNNNNN.png} (or .jpg), {@code clean/NNNNNNNN.png} (ODM targets),
 * {@code labels.tsv} ({@code images/NNNNNNNN.png<TAB>text}) and {@code boxes.jsonl} (one JSON object per
 * sample: image, clean, text, boxes as [x0, x1, y0, y1], style). Thread-safe: images are
 * encoded on the caller's thread; the two text files are written in index order.
 */
public final class SampleWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final BufferedWriter labels;
  private final BufferedWriter boxes;
  private final TreeMap<Long, String[]> pending = new TreeMap<>();
  private final ImageFormat format;
  private long nextToWrite;

  /** How styled images are stored; clean targets are always PNG (binary, tiny). */
  public enum ImageFormat {
    /** Lossless PNG. */
    PNG,
    /** JPEG at quality 95: about a third of the PNG size for noisy samples. */
    JPG
  }

  /**
   * Opens {@code dir} for writing samples {@code firstIndex, firstIndex+1, ...}; refuses a
   * folder that already holds a labels.tsv so nothing is overwritten.
   */
  public SampleWriter(Path dir, long firstIndex, ImageFormat format) throws IOException {
    this.dir = dir;
    this.format = format;
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException(dir + " exists and is not a folder; choose a new or empty folder for --out");
    }
    if (Files.exists(dir.resolve("labels.tsv"))) {
      throw new IOException(dir + " already holds a rendered set (labels.tsv); choose an empty folder");
    }
    Files.createDirectories(dir.resolve("images"));
    Files.createDirectories(dir.resolve("clean"));
    labels = Files.newBufferedWriter(dir.resolve("labels.tsv"), StandardCharsets.UTF_8);
    boxes = Files.newBufferedWriter(dir.resolve("boxes.jsonl"), StandardCharsets.UTF_8);
    nextToWrite = firstIndex;
  }

  /** Encodes and writes one sample; lines are flushed once all earlier indices arrived. */
  public void write(RenderedSample s) throws IOException {
    String stem = String.format("%08d", s.index());
    String image = "images/" + stem + (format == ImageFormat.PNG ? ".png" : ".jpg");
    String clean = "clean/" + stem + ".png";
    Files.write(dir.resolve(image), format == ImageFormat.PNG ? png(s.image()) : jpeg(s.image()));
    Files.write(dir.resolve(clean), png(s.cleanTarget()));
    String label = image + "\t" + s.text() + "\n";
    String json = JSON.writeValueAsString(boxesJson(s, image, clean)) + "\n";
    synchronized (this) {
      pending.put(s.index(), new String[] {label, json});
      while (!pending.isEmpty() && pending.firstKey() == nextToWrite) {
        String[] lines = pending.pollFirstEntry().getValue();
        labels.write(lines[0]);
        boxes.write(lines[1]);
        nextToWrite++;
      }
    }
  }

  /** The boxes.jsonl object of one sample. */
  public static ObjectNode boxesJson(RenderedSample s, String image, String clean) {
    ObjectNode o = JSON.createObjectNode();
    o.put("image", image);
    o.put("clean", clean);
    o.put("text", s.text());
    o.put("index", s.index());
    ArrayNode arr = o.putArray("boxes");
    for (CharBox b : s.boxes()) {
      ArrayNode a = arr.addArray();
      a.add(round(b.x0())).add(round(b.x1())).add(round(b.y0())).add(round(b.y1()));
    }
    ObjectNode style = o.putObject("style");
    style.put("font", s.style().font());
    style.put("category", s.style().fontCategory());
    style.put("source", s.style().source());
    style.put("background", s.style().background());
    style.put("textHeight", round(s.style().textHeight()));
    for (Map.Entry<String, Double> e : s.style().effects().entrySet()) {
      style.put(e.getKey(), round(e.getValue()));
    }
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** PNG bytes of a rendered image (styled or clean target). */
  public static byte[] png(java.awt.image.BufferedImage img) {
    return PngEncoder.encode(img);
  }

  /** JPEG bytes (quality 95) of an RGB image. */
  public static byte[] jpeg(java.awt.image.BufferedImage img) throws IOException {
    javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
    try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096);
        javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
      javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.95f);
      w.setOutput(out);
      w.write(null, new javax.imageio.IIOImage(img, null, null), p);
      out.flush();
      return bytes.toByteArray();
    } finally {
      w.dispose();
    }
  }

  /** Flushes and closes both text files; complains when samples are missing. */
  @Override
  public synchronized void close() throws IOException {
    try (labels; boxes) {
      if (!pending.isEmpty()) {
        throw new IOException("samples before index " + pending.firstKey() + " never arrived; "
            + dir.resolve("labels.tsv") + " is incomplete");
      }
    }
  }
}
