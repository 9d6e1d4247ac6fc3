package io.maskocr.engine.train;

/**
 * One data source of a stage, as written in a recipe.
 *
 * @param kind {@code synthetic} (renderer stream), {@code split} (a workspace dataset split) or
 *     {@code folder} (a folder with labels.tsv)
 * @param dataset workspace dataset name ({@code split}); {@code *} for every dataset
 * @param split split name ({@code train}, {@code test}...; {@code split} kind)
 * @param path folder path ({@code folder} kind)
 * @param weight relative share of the batch when a stage mixes sources (default 1)
 * @param augment augmentation strength 0..2 for real images (default 0 = off)
 * @param style renderer style config file ({@code synthetic} kind; default: the built-in style)
 */
public record DataSpec(
    String kind, String dataset, String split, String path, Double weight, Double augment, String style) {
  /** Applies defaults and checks the kind. */
  public DataSpec {
    if (kind == null || !(kind.equals("synthetic") || kind.equals("split") || kind.equals("folder"))) {
      throw new IllegalArgumentException(
          "data kind must be synthetic, split or folder, got '" + kind + "'");
    }
    weight = weight == null ? 1.0 : weight;
    augment = augment == null ? 0.0 : augment;
    if (kind.equals("split") && (dataset == null || split == null)) {
      throw new IllegalArgumentException("data of kind split needs \"dataset\" and \"split\"");
    }
    if (kind.equals("folder") && path == null) {
      throw new IllegalArgumentException("data of kind folder needs \"path\"");
    }
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
