package io.maskocr.engine.store;

import java.util.List;

/**
 * What {@link WorkspaceCopy} moved and how it was checked: per table the row count and a SHA-256
 * of every row, read back from both sides after the copy; images by count, each re-hashed.
 */
public record CopyReport(List<TableCheck> tables, long images, long imagesVerified) {
  /** One table's check. */
  public record TableCheck(String table, long sourceRows, long targetRows, String sourceHash, String targetHash) {
    /** True when counts and hashes agree. */
    public boolean matches() {
      return sourceRows == targetRows && sourceHash.equals(targetHash);
    }
  }

  /** True when every table matched and every image was verified. */
  public boolean ok() {
    return images == imagesVerified && tables.stream().allMatch(TableCheck::matches);
  }
}
