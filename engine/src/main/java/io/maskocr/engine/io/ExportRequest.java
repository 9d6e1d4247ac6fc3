package io.maskocr.engine.io;

import io.maskocr.engine.store.Split;
import java.nio.file.Path;

/**
 * What to export and where.
 *
 * @param dataset dataset name
 * @param format layout to write
 * @param out output folder; created when missing, refused when not empty (nothing is overwritten)
 * @param split only this split; null = all samples
 */
public record ExportRequest(String dataset, ImportFormat format, Path out, Split split) {}
