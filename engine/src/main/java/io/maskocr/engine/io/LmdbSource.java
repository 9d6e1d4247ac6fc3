package io.maskocr.engine.io;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;

/**
 * The LMDB layout of scene-text training code (clovaai deep-text-recognition-benchmark,
 * PARSeq): key {@code num-samples} holds the count as ASCII, {@code image-%09d} the encoded
 * image and {@code label-%09d} the UTF-8 label, indices 1-based. Opened read-only without a
 * lock file, so a dataset on a read-only disk works. Only these keys are read, so a key is
 * never used as a path; an empty label means unlabeled (as {@link Exporter} writes them).
 */
final class LmdbSource implements ImportSource {
  private final Path dir;
  private final Env<byte[]> env;
  private final Dbi<byte[]> db;
  private final Txn<byte[]> txn;
  private final long total;

  LmdbSource(Path dirOrDataFile) {
    Path d = Files.isDirectory(dirOrDataFile) ? dirOrDataFile : dirOrDataFile.getParent();
    this.dir = d.toAbsolutePath();
    this.env =
        Env.create(ByteArrayProxy.PROXY_BA)
            .setMaxReaders(4)
            .open(dir.toFile(), EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK);
    Txn<byte[]> read = null;
    try {
      this.db = env.openDbi((byte[]) null);
      read = env.txnRead();
      this.txn = read;
      byte[] n = db.get(txn, ascii("num-samples"));
      if (n == null) {
        throw new IllegalArgumentException(
            "LMDB at " + dir + " has no 'num-samples' key: not the scene-text LMDB layout");
      }
      long claimed;
      try {
        claimed = Long.parseLong(new String(n, StandardCharsets.US_ASCII).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("LMDB at " + dir + ": 'num-samples' is not a number;"
            + " write the sample count there as ASCII digits");
      }
      // a hostile or broken count would otherwise have the import probe up to 2^63 keys
      long entries = db.stat(txn).entries;
      if (claimed < 0 || claimed > entries) {
        throw new IllegalArgumentException("LMDB at " + dir + ": 'num-samples' says " + claimed
            + " but the database holds " + entries + " keys; write the real sample count there");
      }
      this.total = claimed;
    } catch (RuntimeException e) {
      if (read != null) {
        read.close();
      }
      env.close();
      throw e;
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public Iterator<ImportItem> iterator() {
    return new Iterator<>() {
      long next = 1;

      @Override
      public boolean hasNext() {
        return next <= total;
      }

      @Override
      public ImportItem next() {
        if (next > total) {
          throw new NoSuchElementException();
        }
        return item(next++);
      }
    };
  }

  private ImportItem item(long index) {
    String key = String.format("image-%09d", index);
    byte[] image = db.get(txn, ascii(key));
    if (image == null) {
      return ImportItem.skipped(key, key, SkipReason.MISSING_FILE, "key missing in " + dir);
    }
    byte[] copy = image.clone(); // valid only inside the transaction otherwise
    byte[] rawLabel = db.get(txn, ascii(String.format("label-%09d", index)));
    String label = null;
    if (rawLabel != null) {
      try {
        label =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(rawLabel))
                .toString();
      } catch (CharacterCodingException e) {
        String lk = String.format("label-%09d", index);
        return ImportItem.skipped(key, lk, SkipReason.BAD_LABEL_ENCODING, lk + " in " + dir + " is not UTF-8");
      }
    }
    // the exporter writes unlabeled samples with an empty label: read that back as unlabeled
    return new ImportItem(key, key, () -> copy, label == null || label.isEmpty() ? null : label, null);
  }

  @Override
  public void close() {
    txn.close();
    env.close();
  }
}
