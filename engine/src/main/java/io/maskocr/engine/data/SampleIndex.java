package io.maskocr.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

/**
 * The samples of a training split as compact arrays: database id, dataset, image hash and
 * format, label. No image is held: a million samples take about 60 MB (32 bytes of hash, 8 of
 * id, the label's UTF-8 bytes and a few bytes of bookkeeping each), where a million
 * {@code String}s and records would take several times that. Immutable once built.
 */
public final class SampleIndex {
  private static final HexFormat HEX = HexFormat.of();

  private final long[] ids;
  private final short[] datasets;
  private final List<String> datasetNames;
  private final byte[] hashes; // 32 bytes per sample
  private final byte[] formats;
  private final List<String> formatNames;
  private final byte[] labelBytes; // UTF-8 of every label, back to back
  private final int[] labelStart; // size + 1 offsets into labelBytes
  private final BitSet labeled;

  private SampleIndex(Builder b) {
    int n = b.size;
    this.ids = Arrays.copyOf(b.ids, n);
    this.datasets = Arrays.copyOf(b.datasets, n);
    this.datasetNames = List.copyOf(b.datasetNames);
    this.hashes = Arrays.copyOf(b.hashes, n * 32);
    this.formats = Arrays.copyOf(b.formats, n);
    this.formatNames = List.copyOf(b.formatNames);
    this.labelBytes = Arrays.copyOf(b.labelBytes, b.labelLength);
    this.labelStart = Arrays.copyOf(b.labelStart, n + 1);
    this.labeled = (BitSet) b.labeled.clone();
  }

  /** Number of samples. */
  public int size() {
    return ids.length;
  }

  /** Database id of sample {@code i}. */
  public long sampleId(int i) {
    return ids[i];
  }

  /** Dataset name of sample {@code i}. */
  public String dataset(int i) {
    return datasetNames.get(datasets[i]);
  }

  /** The identifier training records: {@code dataset#id}, as the in-memory path named it. */
  public String name(int i) {
    return dataset(i) + "#" + ids[i];
  }

  /** Lower-case hex SHA-256 of sample {@code i}'s image file. */
  public String sha256(int i) {
    return HEX.formatHex(hashes, i * 32, i * 32 + 32);
  }

  /** File extension of sample {@code i}'s stored image. */
  public String format(int i) {
    return formatNames.get(formats[i]);
  }

  /** Current label of sample {@code i}, or null when unlabeled. */
  public String label(int i) {
    if (!labeled.get(i)) {
      return null;
    }
    return new String(labelBytes, labelStart[i], labelStart[i + 1] - labelStart[i], StandardCharsets.UTF_8);
  }

  /** Appends samples in order; {@link #build} freezes them. */
  public static final class Builder {
    private long[] ids = new long[1024];
    private short[] datasets = new short[1024];
    private final List<String> datasetNames = new ArrayList<>();
    private byte[] hashes = new byte[1024 * 32];
    private byte[] formats = new byte[1024];
    private final List<String> formatNames = new ArrayList<>();
    private byte[] labelBytes = new byte[1024 * 8];
    private int labelLength;
    private int[] labelStart = new int[1025];
    private final BitSet labeled = new BitSet();
    private int size;

    /**
     * @param id database id
     * @param dataset dataset name
     * @param sha256 lower-case hex SHA-256 of the stored image
     * @param format stored file extension
     * @param label current label, or null
     */
    public Builder add(long id, String dataset, String sha256, String format, String label) {
      if (size == ids.length) {
        int cap = size * 2;
        ids = Arrays.copyOf(ids, cap);
        datasets = Arrays.copyOf(datasets, cap);
        hashes = Arrays.copyOf(hashes, cap * 32);
        formats = Arrays.copyOf(formats, cap);
        labelStart = Arrays.copyOf(labelStart, cap + 1);
      }
      ids[size] = id;
      datasets[size] = (short) code(datasetNames, dataset, Short.MAX_VALUE, "datasets");
      formats[size] = (byte) code(formatNames, format, Byte.MAX_VALUE, "image formats");
      byte[] sha = HEX.parseHex(sha256);
      if (sha.length != 32) {
        throw new IllegalArgumentException("sample " + dataset + "#" + id + " has no SHA-256 image hash: " + sha256);
      }
      System.arraycopy(sha, 0, hashes, size * 32, 32);
      if (label != null) {
        byte[] utf8 = label.getBytes(StandardCharsets.UTF_8);
        if (labelLength + utf8.length > labelBytes.length) {
          labelBytes = Arrays.copyOf(labelBytes, Math.max(labelBytes.length * 2, labelLength + utf8.length));
        }
        System.arraycopy(utf8, 0, labelBytes, labelLength, utf8.length);
        labelLength += utf8.length;
        labeled.set(size);
      }
      size++;
      labelStart[size] = labelLength;
      return this;
    }

    /** Samples added so far. */
    public int size() {
      return size;
    }

    /** The frozen index. */
    public SampleIndex build() {
      return new SampleIndex(this);
    }

    private static int code(List<String> names, String name, int max, String what) {
      int k = names.indexOf(name); // a handful of names: a list beats a map here
      if (k < 0) {
        if (names.size() > max) {
          throw new IllegalArgumentException("a training split may span at most " + (max + 1) + " " + what);
        }
        names.add(name);
        k = names.size() - 1;
      }
      return k;
    }
  }
}
