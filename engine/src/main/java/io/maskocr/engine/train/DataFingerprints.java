package io.maskocr.engine.train;

import io.maskocr.engine.Sha256;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.SplitFingerprint;
import io.maskocr.engine.store.StoreException;
import io.maskocr.engine.store.Workspace;
import io.maskocr.renderer.config.StyleConfigIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * Fingerprints of the three kinds of data source ({@link DataFingerprint}). A workspace split
 * costs one indexed query; a folder reads its files once (folders are small evaluation sets);
 * synthetic data is named by its renderer config hash, since the seed and the config determine
 * every pixel.
 */
public final class DataFingerprints {
  private DataFingerprints() {}

  /**
   * The fingerprint of {@code spec} as a resolver with {@code workspace} (null: none) reads it.
   * A split with no workspace, or one the workspace does not hold, is {@link DataFingerprint#unknown()}.
   */
  public static DataFingerprint of(Workspace workspace, DataSpec spec) {
    return switch (spec.kind()) {
      case "synthetic" -> synthetic(spec);
      case "folder" -> folder(Path.of(spec.path()));
      default -> workspace == null ? DataFingerprint.unknown() : splitOrUnknown(workspace, spec);
    };
  }

  /**
   * A split the workspace does not hold (a caller's own resolver may serve names of its own) is
   * {@link DataFingerprint#unknown()}: provenance never fails a run that could read its data.
   */
  private static DataFingerprint splitOrUnknown(Workspace workspace, DataSpec spec) {
    try {
      return split(workspace, spec.dataset(), spec.split());
    } catch (StoreException | IllegalArgumentException notHere) {
      return DataFingerprint.unknown();
    }
  }

  /** The renderer config hash stands for the stream: same config and seed, same pixels. */
  static DataFingerprint synthetic(DataSpec spec) {
    String hash = StyleConfigIO.hash(SyntheticResolver.style(spec));
    return new DataFingerprint(-1, -1, hash, hash);
  }

  /**
   * Samples of {@code dataset} ({@code *}: every dataset, in list order) in {@code split}
   * ({@code all}: every split). Several datasets combine their fingerprints in order.
   */
  static DataFingerprint split(Workspace ws, String dataset, String split) {
    Split s = "all".equals(split) ? null : Split.parse(split);
    List<Dataset> sets = "*".equals(dataset) ? ws.datasets().list() : List.of(ws.datasets().require(dataset));
    if (sets.size() == 1) {
      SplitFingerprint f = ws.samples().fingerprint(sets.get(0).id(), s);
      return new DataFingerprint(f.samples(), f.labelled(), f.sha256(), null);
    }
    MessageDigest all = Sha256.digest();
    long n = 0;
    long labelled = 0;
    for (Dataset d : sets) {
      SplitFingerprint f = ws.samples().fingerprint(d.id(), s);
      all.update((d.name() + ":" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
      n += f.samples();
      labelled += f.labelled();
    }
    return new DataFingerprint(n, labelled, Sha256.hex(all.digest()), null);
  }

  /**
   * A {@code labels.tsv} folder: (image SHA-256, label) of each listed line in order. A folder
   * that cannot be read is {@link DataFingerprint#unknown()} (the resolver reports the error).
   */
  static DataFingerprint folder(Path folder) {
    try {
      MessageDigest all = Sha256.digest();
      long n = 0;
      long labelled = 0;
      for (String line : Files.readAllLines(folder.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (line.isBlank() || tab <= 0) {
          continue;
        }
        String label = line.substring(tab + 1);
        all.update((Sha256.ofFile(folder.resolve(line.substring(0, tab))) + ":" + label + "\n")
            .getBytes(StandardCharsets.UTF_8));
        n++;
        labelled += label.isEmpty() ? 0 : 1;
      }
      return new DataFingerprint(n, labelled, Sha256.hex(all.digest()), null);
    } catch (IOException e) {
      return DataFingerprint.unknown();
    }
  }

  /**
   * Images already in memory (a study's labelled subset): their ids ({@code dataset#sample}, so
   * the workspace's images) and labels in order. Equal lists, equal fingerprints.
   */
  public static DataFingerprint ofImages(List<LabeledImage> images) {
    MessageDigest all = Sha256.digest();
    long labelled = 0;
    for (LabeledImage img : images) {
      all.update((img.id() + ":" + (img.label() == null ? "-" : img.label()) + "\n").getBytes(StandardCharsets.UTF_8));
      labelled += img.label() == null || img.label().isEmpty() ? 0 : 1;
    }
    return new DataFingerprint(images.size(), labelled, Sha256.hex(all.digest()), null);
  }
}
