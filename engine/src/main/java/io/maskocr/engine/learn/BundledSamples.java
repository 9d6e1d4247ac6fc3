package io.maskocr.engine.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.io.LabelsTsv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The rendered sample words shipped in {@code samples/datasets/synth-words/}: file, label and
 * per-character boxes ({@code boxes.jsonl}), read once; images are decoded on demand.
 */
public final class BundledSamples {
  /** One listed sample. */
  public record Entry(int index, Path file, String label, float[] spans) {}

  private final Path folder;
  private final List<Entry> entries;

  private BundledSamples(Path folder, List<Entry> entries) {
    this.folder = folder;
    this.entries = List.copyOf(entries);
  }

  /** The bundled synth-words samples of this installation. */
  public static BundledSamples standard() throws IOException {
    return load(MaskocrHome.samples().resolve("datasets").resolve("synth-words"));
  }

  /**
   * Reads {@code labels.tsv} and (when present) {@code boxes.jsonl} of {@code folder}.
   *
   * @throws IOException naming the file and line of a malformed entry
   */
  public static BundledSamples load(Path folder) throws IOException {
    Path tsv = folder.resolve("labels.tsv");
    if (!Files.isRegularFile(tsv)) {
      throw new IOException("no sample list " + tsv + ": the installation's samples/ folder is incomplete");
    }
    Map<String, float[]> boxes = readBoxes(folder.resolve("boxes.jsonl"));
    List<Entry> out = new ArrayList<>();
    List<LabelsTsv.Entry> listed;
    try {
      listed = LabelsTsv.read(tsv, true);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e); // callers expect a damaged installation as IOException
    }
    for (LabelsTsv.Entry e : listed) {
      String file = e.path();
      String label = e.label();
      float[] spans = boxes.get(file);
      if (spans != null && spans.length != 2 * label.length()) {
        spans = null; // boxes that do not match the label one to one are no use for masking
      }
      out.add(new Entry(out.size(), folder.resolve(file), label, spans));
    }
    if (out.isEmpty()) {
      throw new IOException(tsv + " lists no samples");
    }
    return new BundledSamples(folder, out);
  }

  private static Map<String, float[]> readBoxes(Path jsonl) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    if (!Files.isRegularFile(jsonl)) {
      return out;
    }
    ObjectMapper json = Json.mapper();
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = json.readTree(lines.get(i));
        JsonNode b = n.get("boxes");
        float[] spans = new float[2 * b.size()];
        for (int c = 0; c < b.size(); c++) {
          spans[2 * c] = (float) b.get(c).get(0).asDouble();
          spans[2 * c + 1] = (float) b.get(c).get(1).asDouble();
        }
        out.put(n.get("image").asText(), spans);
      } catch (IOException | RuntimeException e) {
        throw new IOException(jsonl + ":" + (i + 1) + ": not a box record (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  /** The samples folder. */
  public Path folder() {
    return folder;
  }

  /** Every sample, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /**
   * Decodes sample {@code index} (clamped into range).
   *
   * @throws IOException naming the file when it cannot be decoded
   */
  public LearnImage image(int index) throws IOException {
    Entry e = entries.get(Math.max(0, Math.min(entries.size() - 1, index)));
    BufferedImage img = ImageIO.read(e.file().toFile());
    if (img == null) {
      throw new IOException(e.file() + " is not a readable image");
    }
    return new LearnImage("sample " + (e.index() + 1) + " “" + e.label() + "”", LearnProgress.SAMPLE_PREFIX + e.index(),
        img, e.label(), e.spans());
  }
}
