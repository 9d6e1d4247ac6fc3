package io.maskocr.engine.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One data source of one stage as a run read it: where it came from (split, folder or renderer
 * style), how it was drawn (weight, augmentation, seed, the stage's sample filter) and what it
 * held ({@link DataFingerprint}). Two runs with equal entries read the same data.
 *
 * @param stage stage index in the recipe
 * @param stageType stage type ({@code mim}, {@code finetune}...)
 * @param source index of the source in the stage's {@code data}
 * @param kind {@code split}, {@code folder}, {@code synthetic} or {@code pseudo}
 * @param dataset workspace dataset ({@code split}), else null
 * @param split split name ({@code split}), else null
 * @param path folder ({@code folder}), else null
 * @param style renderer style file ({@code synthetic}; null = built-in style)
 * @param weight share of the batch
 * @param augment augmentation strength (0 = off)
 * @param seed the seed the source was resolved with (shuffle, augmentation, synthesis)
 * @param filter which samples the stage keeps (e.g. labelled and encodable in the charset)
 * @param samples distinct samples ({@code -1}: endless or not known)
 * @param labelled samples with a text label ({@code -1}: not known)
 * @param fingerprint hex SHA-256 of the contents (see {@link DataFingerprint#sha256()})
 * @param rendererConfigHash SHA-256 of the renderer style ({@code synthetic}), else null
 * @param pseudo for a {@code pseudo} source, the model and threshold that made its labels and how
 *     many crops were kept and dropped; null for other kinds (and in runs recorded before)
 */
public record SourceProvenance(
    int stage,
    String stageType,
    int source,
    String kind,
    String dataset,
    String split,
    String path,
    String style,
    double weight,
    double augment,
    long seed,
    String filter,
    long samples,
    long labelled,
    String fingerprint,
    String rendererConfigHash,
    @JsonInclude(JsonInclude.Include.NON_NULL) Pseudo pseudo) {

  /**
   * How a pseudo source's labels were made: they are an external model's readings, not human
   * labels, and the run says so.
   *
   * @param model the model's key ({@code model:NAME@sha})
   * @param modelSha256 SHA-256 of its file
   * @param minConfidence readings below it were dropped
   * @param kept crops kept with their reading as label
   * @param dropped unlabelled crops dropped (low confidence or empty reading)
   */
  public record Pseudo(String model, String modelSha256, double minConfidence, long kept, long dropped) {}

  /** Combines a recipe entry (not a pseudo source) with what it held. */
  static SourceProvenance of(int stage, StageConfig config, int source, long seed, String filter, DataFingerprint f) {
    return of(stage, config, source, seed, filter, f, null);
  }

  /** Combines a recipe entry with what it held and, for a pseudo source, how its labels were made. */
  static SourceProvenance of(int stage, StageConfig config, int source, long seed, String filter, DataFingerprint f,
      PseudoLabeler.PseudoSet pseudo) {
    DataSpec spec = config.data().get(source);
    Pseudo p = pseudo == null ? null : new Pseudo(pseudo.modelKey(), pseudo.modelSha256(), spec.minConfidence(),
        pseudo.kept().size(), pseudo.dropped());
    return new SourceProvenance(stage, config.type(), source, spec.kind(), spec.dataset(), spec.split(), spec.path(),
        spec.style(), spec.weight(), spec.augment(), seed, filter, f.samples(), f.labelled(), f.sha256(),
        f.rendererConfigHash(), p);
  }
}
