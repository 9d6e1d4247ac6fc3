package io.maskocr.engine.train;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.TensorFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoint folders of a run: {@code <runDir>/checkpoints/<step>/} with {@code weights.bin},
 * {@code optimizer.bin}, {@code checkpoint.json} and the side files of stage-owned blocks
 * ({@code odm-head.tensors}, {@code dptr-fmu.tensors}; see {@link AuxiliaryWeights}). A folder is written under a temporary name
 * and renamed when complete; the two newest are kept.
 */
public final class Checkpoints {
  private static final int KEEP = 2;

  private Checkpoints() {}

  /** Saves model (and optimizer when given) at {@code info.step()}; returns the folder. */
  public static Path save(Path runDir, CheckpointInfo info, MaskOcrModel model, AdamW optimizer)
      throws IOException {
    return save(runDir, info, model, optimizer, null);
  }

  /**
   * Saves model, optimizer (when given) and the stage-owned blocks of {@code auxiliary} (when
   * given) at {@code info.step()}; returns the folder.
   */
  public static Path save(Path runDir, CheckpointInfo info, MaskOcrModel model, AdamW optimizer,
      AuxiliaryWeights auxiliary) throws IOException {
    Path root = runDir.resolve("checkpoints");
    Files.createDirectories(root);
    Path tmp = root.resolve(folderName(info.step()) + ".tmp");
    Path dir = root.resolve(folderName(info.step()));
    deleteTree(tmp);
    Files.createDirectories(tmp);
    model.saveWeights(tmp.resolve("weights.bin"));
    if (optimizer != null) {
      TensorFile.write(tmp.resolve("optimizer.bin"), optimizer.state());
    }
    if (auxiliary != null) {
      auxiliary.writeTo(tmp);
    }
    Recipes.json().writeValue(tmp.resolve("checkpoint.json").toFile(), info);
    deleteTree(dir);
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    List<Path> all = list(runDir);
    for (int i = 0; i < all.size() - KEEP; i++) {
      deleteTree(all.get(i));
    }
    return dir;
  }

  /** The folder name of the checkpoint at {@code step} (zero-padded, so names sort by step). */
  static String folderName(long step) {
    return String.format("%09d", step);
  }

  /** A fresh checkpoint record with the current time. */
  public static CheckpointInfo info(
      String runId, long step, int stageIndex, long optimizerSteps, MaskOcrModel model, Recipe recipe) {
    CharacterSet cs = model.charset();
    return new CheckpointInfo(CheckpointInfo.FORMAT, runId, step, stageIndex, optimizerSteps,
        model.config(), cs.name(), cs.symbols(), cs.caseFolding(), recipe, Instant.now().toString());
  }

  /** Complete checkpoint folders of a run, oldest first. */
  public static List<Path> list(Path runDir) {
    Path root = runDir.resolve("checkpoints");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> Files.isRegularFile(p.resolve("checkpoint.json")))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest checkpoint of a run, if any. */
  public static Optional<Path> latest(Path runDir) {
    List<Path> all = list(runDir);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * A checkpoint folder from a run folder (its newest checkpoint) or a checkpoint folder.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Path resolve(Path runOrCheckpoint) {
    if (Files.isRegularFile(runOrCheckpoint.resolve("checkpoint.json"))) {
      return runOrCheckpoint;
    }
    return latest(runOrCheckpoint).orElseThrow(() -> new IllegalArgumentException(
        "no checkpoint in " + runOrCheckpoint + " (has the run saved one yet? train saves at stop and every few minutes)"));
  }

  /** Reads {@code checkpoint.json}. */
  public static CheckpointInfo readInfo(Path checkpointDir) {
    Path f = checkpointDir.resolve("checkpoint.json");
    try {
      // tolerant: a field written by a newer build (or the starter's provenance) is no error;
      // an ObjectReader carries the exception, the shared mapper stays strict for everyone else
      CheckpointInfo info = Recipes.json().readerFor(CheckpointInfo.class)
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(f.toFile());
      if (info.format() != CheckpointInfo.FORMAT) {
        throw new IllegalArgumentException(f + " has checkpoint format " + info.format()
            + "; this build reads format " + CheckpointInfo.FORMAT);
      }
      return info;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read checkpoint " + f + ": " + e.getMessage().split("\n")[0]);
    }
  }

  /**
   * Rebuilds the model of a checkpoint with its weights.
   *
   * @param expected charset the caller is configured for, or null to accept the saved one
   * @throws IllegalArgumentException when the saved charset differs from {@code expected}
   */
  public static MaskOcrModel loadModel(Path checkpointDir, CharacterSet expected) throws IOException {
    return loadModel(checkpointDir, expected, null);
  }

  /**
   * Rebuilds the model of a checkpoint with its weights, as {@code config} when given (the saved
   * model on another device); null uses the saved config.
   */
  public static MaskOcrModel loadModel(Path checkpointDir, CharacterSet expected, ModelConfig config)
      throws IOException {
    CheckpointInfo info = readInfo(checkpointDir);
    requireCharset(info, expected);
    MaskOcrModel m = MaskOcrModel.create(config != null ? config : info.model(), info.charset());
    try {
      m.loadWeights(TensorFile.read(checkpointDir.resolve("weights.bin")), EnumSet.allOf(ModelPart.class));
    } catch (RuntimeException | IOException e) {
      m.close();
      throw e;
    }
    return m;
  }

  /** Refuses a checkpoint whose charset differs from {@code expected} (null accepts any). */
  public static void requireCharset(CheckpointInfo info, CharacterSet expected) {
    if (expected != null && !expected.sameAs(info.charset())) {
      throw new IllegalArgumentException(
          "checkpoint charset '" + info.charsetName() + "' (" + info.charsetSymbols().codePointCount(0, info.charsetSymbols().length())
              + " symbols) differs from the configured charset '" + expected.name() + "' ("
              + expected.size() + " symbols); use the same charset or start a new run");
    }
  }

  /** Deletes a folder and everything in it (nothing when it does not exist). */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
