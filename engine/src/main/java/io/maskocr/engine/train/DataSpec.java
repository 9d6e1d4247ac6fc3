package io.maskocr.engine.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One data source of a stage, as written in a recipe.
 *
 * @param kind {@code synthetic} (renderer stream), {@code split} (a workspace dataset split),
 *     {@code folder} (a folder with labels.tsv) or {@code pseudo} (an external model's readings of
 *     unlabelled crops, never written to the label history)
 * @param dataset workspace dataset name ({@code split}); {@code *} for every dataset
 * @param split split name ({@code train}, {@code test}...; {@code split} kind)
 * @param path folder path ({@code folder} kind)
 * @param weight relative share of the batch when a stage mixes sources (default 1)
 * @param augment augmentation strength 0..2 for real images (default 0 = off)
 * @param style renderer style config file ({@code synthetic} kind; default: the built-in style)
 * @param model external model whose readings label the crops ({@code pseudo} kind)
 * @param minConfidence readings below it are dropped ({@code pseudo} kind; default 0.9)
 */
public record DataSpec(
    String kind, String dataset, String split, String path, Double weight, Double augment, String style,
    @JsonInclude(JsonInclude.Include.NON_NULL) String model,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double minConfidence) {
  /** Default {@link #minConfidence()} of a pseudo source. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.9;

  /** Applies defaults and checks the kind (the constructor recipes are read with). */
  @JsonCreator
  public DataSpec {
    if (kind == null || !(kind.equals("synthetic") || kind.equals("split") || kind.equals("folder")
        || kind.equals("pseudo"))) {
      throw new IllegalArgumentException(
          "data kind must be synthetic, split, folder or pseudo, got '" + kind + "'");
    }
    weight = weight == null ? 1.0 : weight;
    augment = augment == null ? 0.0 : augment;
    if (kind.equals("pseudo")) {
      // pseudo-labels: an external model's confident readings of a dataset's unlabelled crops
      if (dataset == null || model == null) {
        throw new IllegalArgumentException("data of kind pseudo needs \"model\" and \"dataset\"");
      }
      split = split == null ? "train" : split;
      minConfidence = minConfidence == null ? DEFAULT_MIN_CONFIDENCE : minConfidence;
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new IllegalArgumentException("\"minConfidence\" must be in 0..1, got " + minConfidence);
      }
    } else if (model != null || minConfidence != null) {
      throw new IllegalArgumentException("\"model\" and \"minConfidence\" belong to data of kind pseudo");
    }
    if (kind.equals("split") && (dataset == null || split == null)) {
      throw new IllegalArgumentException("data of kind split needs \"dataset\" and \"split\"");
    }
    if (kind.equals("folder") && path == null) {
      throw new IllegalArgumentException("data of kind folder needs \"path\"");
    }
  }

  /** A source of any kind but pseudo (the form before pseudo-labels existed). */
  public DataSpec(String kind, String dataset, String split, String path, Double weight, Double augment, String style) {
    this(kind, dataset, split, path, weight, augment, style, null, null);
  }

  /** Pseudo-labels of {@code dataset}'s unlabelled {@code split} crops read by external {@code model}. */
  public static DataSpec pseudo(String model, String dataset, String split, Double minConfidence) {
    return new DataSpec("pseudo", dataset, split, null, null, null, null, model, minConfidence);
  }

  /** The renderer stream with the built-in style. */
  public static DataSpec synthetic() {
    return new DataSpec("synthetic", null, null, null, null, null, null);
  }

  /** One split of a workspace dataset ({@code *} = every dataset), no augmentation. */
  public static DataSpec split(String dataset, String split) {
    return new DataSpec("split", dataset, split, null, null, null, null);
  }

  /** One split of a workspace dataset with augmentation strength 0..2 (null = off). */
  public static DataSpec split(String dataset, String split, Double augment) {
    return new DataSpec("split", dataset, split, null, null, augment, null);
  }
}
