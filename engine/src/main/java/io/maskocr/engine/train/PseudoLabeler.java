package io.maskocr.engine.train;

import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.store.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads a {@code pseudo} data source's crops with an external model. Implemented beside the
 * external models ({@code io.maskocr.engine.external}), which sit above training in the package
 * graph (they read through the inference code, which loads checkpoints): training finds the
 * implementation through {@link ServiceLoader} instead of importing it.
 */
public interface PseudoLabeler {
  /**
   * What a pseudo source holds.
   *
   * @param kept crops whose reading reached the threshold, labelled with the reading
   * @param dropped unlabelled crops read below the threshold (or read as nothing)
   * @param modelKey the key the readings are stored under in the predictions table
   * @param modelSha256 SHA-256 of the model file
   * @param fingerprint SHA-256 over the model, the threshold and every kept (image, reading)
   */
  record PseudoSet(List<LabeledImage> kept, long dropped, String modelKey, String modelSha256, String fingerprint) {}

  /** Refuses a spec whose model or dataset the workspace lacks, with a message saying what to do. */
  void requireAvailable(Workspace ws, DataSpec spec);

  /** Reads (or takes the stored readings of) the spec's unlabelled crops and keeps the confident ones. */
  PseudoSet label(Workspace ws, DataSpec spec);

  /** The implementation on the class path. */
  static Optional<PseudoLabeler> find() {
    return ServiceLoader.load(PseudoLabeler.class, PseudoLabeler.class.getClassLoader()).findFirst();
  }

  /** {@link #find()}, or an error saying pseudo sources are unavailable. */
  static PseudoLabeler require() {
    return find().orElseThrow(() -> new IllegalArgumentException(
        "data of kind pseudo needs the external-model support, which is missing from this build"));
  }
}
