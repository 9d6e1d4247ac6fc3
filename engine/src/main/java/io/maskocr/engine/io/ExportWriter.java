package io.maskocr.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/** One output layout of {@link Exporter}. */
abstract class ExportWriter implements AutoCloseable {
  long altered;

  abstract void write(Sample sample, byte[] image) throws IOException;

  long labelsAltered() {
    return altered;
  }

  @Override
  public abstract void close() throws IOException;

  static ExportWriter open(ImportFormat format, Path out, Workspace ws, long total) throws IOException {
    return switch (format) {
      case TSV -> new Tsv(out);
      case JSONL -> new Jsonl(out);
      case FOLDER -> new Folder(out);
      case LMDB -> new Lmdb(out, ws, total);
    };
  }

  static String imageName(Sample s) {
    return "images/" + s.id() + "." + s.format();
  }

  /** Writes the image under {@code images/} and returns its relative name. */
  static String writeImage(Path out, Sample s, byte[] image) throws IOException {
    String rel = imageName(s);
    Path p = out.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, image);
    return rel;
  }

  /** Images under {@code images/} plus one list file with a line per sample. */
  abstract static class ListWriter extends ExportWriter {
    private final Path out;
    private final BufferedWriter list;

    ListWriter(Path out, String listName) throws IOException {
      this.out = out;
      this.list = Files.newBufferedWriter(out.resolve(listName), StandardCharsets.UTF_8);
    }

    /** The list line (without line end) for an image at {@code rel}. */
    abstract String line(String rel, Sample s) throws IOException;

    @Override
    void write(Sample s, byte[] image) throws IOException {
      list.write(line(writeImage(out, s, image), s));
      list.write('\n');
    }

    @Override
    public void close() throws IOException {
      list.close();
    }
  }

  static final class Tsv extends ListWriter {
    Tsv(Path out) throws IOException {
      super(out, "labels.tsv");
    }

    @Override
    String line(String rel, Sample s) {
      if (s.label() == null) {
        return rel; // no tab: an unlabeled image
      }
      String label = s.label().replaceAll("[\t\r\n]", " "); // the layout cannot hold these
      altered += label.equals(s.label()) ? 0 : 1;
      return rel + "\t" + label;
    }
  }

  static final class Jsonl extends ListWriter {
    private static final ObjectMapper JSON = Json.mapper();

    Jsonl(Path out) throws IOException {
      super(out, "labels.jsonl");
    }

    @Override
    String line(String rel, Sample s) throws IOException {
      ObjectNode node = JSON.createObjectNode();
      node.put("filename", rel);
      node.put("text", s.label());
      return JSON.writeValueAsString(node);
    }
  }

  static final class Folder extends ExportWriter {
    /** Bytes of label kept in a file name (names are limited to 255 bytes). */
    private static final int MAX_LABEL_BYTES = 180;
    private final Path out;

    Folder(Path out) {
      this.out = out;
    }

    @Override
    void write(Sample s, byte[] image) throws IOException {
      String name;
      if (s.label() == null) {
        name = s.id() + "." + s.format();
      } else {
        String safe = fileSafe(s.label());
        altered += safe.equals(s.label()) ? 0 : 1;
        name = safe + "_" + s.id() + "." + s.format();
      }
      Files.write(out.resolve(name), image);
    }

    static String fileSafe(String label) {
      String s = label.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
      if (s.isEmpty() || s.startsWith(".")) {
        s = "_" + s;
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      if (utf8.length > MAX_LABEL_BYTES) {
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int cp : s.codePoints().toArray()) {
          int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
          if (bytes + n > MAX_LABEL_BYTES) {
            break;
          }
          b.appendCodePoint(cp);
          bytes += n;
        }
        s = b.toString();
      }
      return s;
    }

    @Override
    public void close() {}
  }

  static final class Lmdb extends ExportWriter {
    private static final int TXN_EVERY = 1000;
    private final Env<byte[]> env;
    private final Dbi<byte[]> db;
    private Txn<byte[]> txn;
    private long index;
    private long inTxn;

    Lmdb(Path out, Workspace ws, long total) {
      // map size is an upper bound of the file, reserved as address space only
      long mapSize = Math.max(64L << 20, total * (256L << 10));
      this.env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(mapSize).setMaxDbs(1).open(out.toFile());
      this.db = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
      this.txn = env.txnWrite();
    }

    @Override
    void write(Sample s, byte[] image) {
      index++;
      db.put(txn, key("image", index), image);
      db.put(txn, key("label", index), (s.label() == null ? "" : s.label()).getBytes(StandardCharsets.UTF_8));
      if (++inTxn >= TXN_EVERY) {
        txn.commit();
        txn.close();
        txn = env.txnWrite();
        inTxn = 0;
      }
    }

    private static byte[] key(String kind, long i) {
      return String.format("%s-%09d", kind, i).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
      try {
        db.put(txn, "num-samples".getBytes(StandardCharsets.US_ASCII),
            Long.toString(index).getBytes(StandardCharsets.US_ASCII));
        txn.commit();
      } finally {
        txn.close();
        env.close();
      }
    }
  }
}
