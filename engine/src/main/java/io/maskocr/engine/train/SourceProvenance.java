package io.maskocr.engine.train;

/**
 * One data source of one stage as a run read it: where it came from (split, folder or renderer
 * style), how it was drawn (weight, augmentation, seed, the stage's sample filter) and what it
 * held ({@link DataFingerprint}). Two runs with equal entries read the same data.
 *
 * @param stage stage index in the recipe
 * @param stageType stage type ({@code mim}, {@code finetune}...)
 * @param source index of the source in the stage's {@code data}
 * @param kind {@code split}, {@code folder} or {@code synthetic}
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
    String rendererConfigHash) {

  /** Combines a recipe entry with what it held. */
  static SourceProvenance of(int stage, StageConfig config, int source, long seed, String filter, DataFingerprint f) {
    DataSpec spec = config.data().get(source);
    return new SourceProvenance(stage, config.type(), source, spec.kind(), spec.dataset(), spec.split(), spec.path(),
        spec.style(), spec.weight(), spec.augment(), seed, filter, f.samples(), f.labelled(), f.sha256(),
        f.rendererConfigHash());
  }
}
