package io.maskocr.engine.io;

import java.nio.file.Path;

/**
 * The result of an export.
 *
 * @param dataset dataset name
 * @param format layout written
 * @param out output folder
 * @param written samples written
 * @param labelsAltered labels changed to fit the layout (tabs/newlines in TSV, characters a
 *     file name cannot hold in the folder layout); 0 for lossless exports
 * @param cancelled true when cancelled before the end (the output is then incomplete)
 */
public record ExportSummary(
    String dataset, ImportFormat format, Path out, long written, long labelsAltered, boolean cancelled) {}
