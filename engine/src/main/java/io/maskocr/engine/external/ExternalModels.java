package io.maskocr.engine.external;

import io.maskocr.engine.Sha256;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The external models of a workspace: {@code <workspace>/models/<name>/} holds
 * {@code model.onnx}, {@code keys.txt} and {@code model.json} ({@link ExternalModel}). A model is
 * copied in, checked (it loads, it is shaped like a recognizer, its classes match the
 * dictionary) in a hidden folder, then renamed into place: a folder under its name is complete.
 * Each model is also registered as a {@link BaselineRun}.
 */
public final class ExternalModels {
  /** Prefix of the keys external models store predictions under. */
  public static final String KEY_PREFIX = "model:";
  static final String ONNX = "model.onnx";
  static final String KEYS = "keys.txt";
  static final String JSON = "model.json";
  /** Names are folder names and CLI arguments: plain, short, never a path. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private ExternalModels() {}

  /** The folder of every external model. */
  public static Path root(Workspace ws) {
    return ws.root().resolve("models");
  }

  /**
   * Copies {@code onnx} and {@code keys} into the workspace under {@code name} (null: from the
   * file name) and checks them with one blank crop through the model.
   *
   * @param settings null for the kind's defaults
   * @throws IllegalArgumentException naming the file for a missing, truncated or foreign file, a
   *     model that is not a recognizer, a dictionary that does not match its output classes, a
   *     bad or taken name
   */
  public static ExternalModel add(Workspace ws, Path onnx, ExternalKind kind, Path keys, String name,
      ModelSettings settings) throws IOException {
    if (!Files.isRegularFile(onnx)) {
      throw new IllegalArgumentException("no such model file: " + onnx);
    }
    String n = name != null ? name : defaultName(onnx);
    checkName(n);
    Path dir = root(ws).resolve(n);
    if (Files.exists(dir)) {
      throw new IllegalArgumentException("the workspace already has a model named " + n
          + ": choose another --name or remove it first (maskocr model remove " + n + ")");
    }
    List<String> dictionary = Dictionary.read(keys);
    Path tmp = root(ws).resolve("." + n + ".adding");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    try {
      String sha = copy(onnx, tmp.resolve(ONNX));
      String keysSha = copy(keys, tmp.resolve(KEYS));
      ModelSettings s = settings != null ? settings : kind.defaults();
      ExternalModel draft = new ExternalModel(ExternalModel.FORMAT, n, kind.id(), ONNX, sha, Files.size(onnx), KEYS,
          keysSha, dictionary.size(), 0, CharsetCoverage.outside36(dictionary), s,
          onnx.getFileName().toString(), Instant.now().toString());
      int classes;
      // checked on the copy, so the message names the user's file and the copy is what was checked
      try (ExternalRecognizer r = ExternalRecognizer.open(draft, tmp.resolve(ONNX), dictionary, 1)) {
        classes = r.classes();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage().replace(tmp.resolve(ONNX).toString(), onnx.toString()), e);
      }
      ExternalModel m = new ExternalModel(draft.format(), n, draft.kind(), ONNX, sha, draft.bytes(), KEYS, keysSha,
          dictionary.size(), classes, draft.outside36(), s, draft.source(), draft.added());
      Json.pretty().writeValue(tmp.resolve(JSON).toFile(), m);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      // every model is a baseline row of the runs table from the start
      BaselineRun.ensure(ws, m);
      return m;
    } finally {
      deleteTree(tmp);
    }
  }

  /** Every complete model of the workspace, by name. */
  public static List<ExternalModel> list(Workspace ws) throws IOException {
    Path root = root(ws);
    List<ExternalModel> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path d : dirs) {
        if (!d.getFileName().toString().startsWith(".") && Files.isRegularFile(d.resolve(JSON))) {
          out.add(readSettings(d));
        }
      }
    }
    out.sort(Comparator.comparing(ExternalModel::name));
    return out;
  }

  /** The model named {@code name}, if the workspace has it. */
  public static Optional<ExternalModel> find(Workspace ws, String name) throws IOException {
    if (!NAME.matcher(name).matches() || !Files.isRegularFile(root(ws).resolve(name).resolve(JSON))) {
      return Optional.empty();
    }
    return Optional.of(readSettings(root(ws).resolve(name)));
  }

  /** The folder of model {@code name}, refusing a name the workspace does not have (listing those it has). */
  public static Path require(Workspace ws, String name) throws IOException {
    if (find(ws, name).isEmpty()) {
      List<String> names = list(ws).stream().map(ExternalModel::name).toList();
      throw new IllegalArgumentException("no external model '" + name + "' in workspace " + ws.root()
          + (names.isEmpty() ? " (add one with: maskocr model add FILE.onnx --kind ppocr-rec --keys DICT.txt)"
              : "; it has " + String.join(", ", names)));
    }
    return root(ws).resolve(name);
  }

  /** Opens model {@code name} for reading. */
  public static ExternalRecognizer open(Workspace ws, String name, int threads) throws IOException {
    return ExternalRecognizer.open(require(ws, name), threads);
  }

  /** The model whose predictions are stored under {@code key} ({@code model:NAME@sha}), if present. */
  public static Optional<ExternalModel> byKey(Workspace ws, String key) throws IOException {
    if (key == null || !key.startsWith(KEY_PREFIX) || key.indexOf('@') < 0) {
      return Optional.empty();
    }
    String name = key.substring(KEY_PREFIX.length(), key.lastIndexOf('@'));
    return find(ws, name).filter(m -> m.key().equals(key));
  }

  /** Deletes model {@code name}'s folder (its stored predictions and eval figures stay). */
  public static void remove(Workspace ws, String name) throws IOException {
    Path dir = require(ws, name);
    // renamed first, so a half-deleted folder is never listed as a model
    Path gone = root(ws).resolve("." + name + ".removing");
    deleteTree(gone);
    Files.move(dir, gone, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(gone);
  }

  static ExternalModel readSettings(Path dir) throws IOException {
    Path json = dir.resolve(JSON);
    try {
      return Json.mapper().readValue(json.toFile(), ExternalModel.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(json + ": unreadable model settings (" + e.getOriginalMessage() + ")");
    }
  }

  private static String copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    return Sha256.ofFile(to);
  }

  private static String defaultName(Path onnx) {
    String f = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
    String n = f.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._-]+", "");
    return n.isEmpty() ? "model" : n.length() > 64 ? n.substring(0, 64) : n;
  }

  private static void checkName(String n) {
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("model name '" + n + "' is not allowed: use 1-64 letters, digits, '.', '_'"
          + " or '-', starting with a letter or digit");
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
