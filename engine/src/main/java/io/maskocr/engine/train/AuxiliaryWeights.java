package io.maskocr.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.model.Tensor;
import io.maskocr.engine.model.TensorFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Weights of blocks a stage owns besides the model (ODM's pixel head, DPTR's feature merge
 * unit), kept with every checkpoint as a side file {@code <name>.tensors} next to
 * {@code weights.bin}. They stay out of the recognizer's weights, so a model config change never
 * has to know about them, yet a resumed run continues with the head it trained and the viewers
 * can show what the trained head draws.
 *
 * <p>One instance per run, shared by its stages through {@link StageContext#auxiliary()}: a stage
 * {@link #register registers} its block once it exists (getting the saved values back when the
 * run resumes), and every checkpoint {@link #writeTo writes} what is registered. Side files of
 * the checkpoint a run resumed from that no stage registers again (the odm head during the
 * fine-tuning that follows it) are carried into later checkpoints unchanged.
 */
public final class AuxiliaryWeights {
  /** Ending of side files. */
  public static final String SUFFIX = ".tensors";

  private final Map<String, Map<String, Tensor>> saved;
  private final Map<String, List<NamedParameter>> live = new LinkedHashMap<>();

  private AuxiliaryWeights(Map<String, Map<String, Tensor>> saved) {
    this.saved = saved;
  }

  /** Nothing saved: registered blocks keep their fresh initialization. */
  public static AuxiliaryWeights none() {
    return new AuxiliaryWeights(new LinkedHashMap<>());
  }

  /**
   * The side files of {@code checkpointDir}, read now (the folder may be deleted later, when newer
   * checkpoints replace it).
   *
   * @throws IOException naming the file when one cannot be read
   */
  public static AuxiliaryWeights from(Path checkpointDir) throws IOException {
    Map<String, Map<String, Tensor>> saved = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(checkpointDir)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
        String name = f.getFileName().toString();
        saved.put(name.substring(0, name.length() - SUFFIX.length()), TensorFile.read(f));
      }
    }
    return new AuxiliaryWeights(saved);
  }

  /** Whether the checkpoint read by {@link #from} holds block {@code name}. */
  public synchronized boolean hasSaved(String name) {
    return saved.containsKey(name);
  }

  /**
   * Registers a stage block's parameters under {@code name} (file {@code name.tensors}); when the
   * source checkpoint holds that file its values are loaded into the parameters.
   *
   * @throws IllegalArgumentException naming the file when a parameter is missing or has another shape
   */
  public synchronized void register(String name, List<NamedParameter> parameters) {
    Map<String, Tensor> values = saved.remove(name);
    if (values != null) {
      for (NamedParameter p : parameters) {
        Tensor t = values.get(p.name());
        NDArray a = p.parameter().getArray();
        if (t == null || !a.getShape().equals(new Shape(t.shape()))) {
          throw new IllegalArgumentException(name + SUFFIX + " in the checkpoint " + (t == null ? "has no "
              + p.name() : "has " + p.name() + " of shape " + new Shape(t.shape()) + ", expected " + a.getShape())
              + "; it was saved by another version of the stage: start a new run");
        }
        a.set(t.data());
      }
    }
    live.put(name, List.copyOf(parameters));
  }

  /** The current values of block {@code name}: registered, else as saved; empty when neither. */
  public synchronized Optional<Map<String, Tensor>> values(String name) {
    List<NamedParameter> ps = live.get(name);
    if (ps == null) {
      return Optional.ofNullable(saved.get(name));
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (NamedParameter p : ps) {
      NDArray a = p.parameter().getArray();
      out.put(p.name(), new Tensor(a.getShape().getShape(), a.toFloatArray()));
    }
    return Optional.of(out);
  }

  /** Writes every registered and every carried block into {@code checkpointDir}. */
  public synchronized void writeTo(Path checkpointDir) throws IOException {
    for (String name : live.keySet()) {
      TensorFile.write(checkpointDir.resolve(name + SUFFIX), values(name).orElseThrow());
    }
    for (Map.Entry<String, Map<String, Tensor>> e : saved.entrySet()) {
      TensorFile.write(checkpointDir.resolve(e.getKey() + SUFFIX), e.getValue());
    }
  }
}
