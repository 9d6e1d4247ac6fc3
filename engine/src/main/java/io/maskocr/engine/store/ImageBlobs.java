package io.maskocr.engine.store;

import java.util.Optional;

/**
 * Image bytes in a team database (table {@code images}, keyed by SHA-256), so teammates on
 * different machines need no shared disk. {@link ImageStore} keeps a local copy of what it reads.
 */
final class ImageBlobs {
  private final Db db;

  ImageBlobs(Db db) {
    this.db = db;
  }

  /** Stores the bytes unless the same content is already there; true when it was new. */
  boolean put(String sha256, String format, byte[] bytes) {
    return db.write(c -> Sql.update(c, "INSERT INTO images(sha256, format, bytes) VALUES (?, ?, ?)"
        + " ON CONFLICT (sha256) DO NOTHING", sha256, format, bytes) > 0);
  }

  /** The stored bytes, if any. */
  Optional<byte[]> get(String sha256) {
    return db.read(c -> Sql.one(c, "SELECT bytes FROM images WHERE sha256 = ?", rs -> rs.getBytes(1), sha256));
  }
}
