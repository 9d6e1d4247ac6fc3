package io.maskocr.engine.io;

import io.maskocr.engine.store.Split;
import java.nio.file.Path;

/**
 * What to import and where.
 *
 * @param source folder, list file ({@code .tsv/.txt/.jsonl}) or LMDB folder
 * @param dataset target dataset name (created when missing)
 * @param format layout of the source; null = detect ({@link FormatDetector})
 * @param split split given to every imported sample; null = train
 * @param labelPattern folder format only: how to take the label from a file name, either a
 *     glob with {@code {label}} ({@code {label}_*.png}) or a regex with a group named
 *     {@code label} or a first group; null = no labels
 */
public record ImportRequest(Path source, String dataset, ImportFormat format, Split split, String labelPattern) {
  /** Import with defaults: detected format, train split, no label pattern. */
  public static ImportRequest of(Path source, String dataset) {
    return new ImportRequest(source, dataset, null, null, null);
  }
}
