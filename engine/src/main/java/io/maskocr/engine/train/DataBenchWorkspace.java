package io.maskocr.engine.train;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The workspace {@link DataBenchmark} streams: {@code size} train samples of small generated
 * grayscale word crops, built once and reused while its marker file matches.
 *
 * <p>Every sample is its own row with its own label and is read from its own image file, but
 * only {@code distinct} image files are made: sample {@code k} shows image {@code k % distinct}
 * and lives in dataset {@code bench-data-(k / distinct)} (the store keeps the same picture
 * once per dataset). Without this a million files would take 4 GB on a file system with 4 KiB
 * blocks, however small each PNG; with the default 250,000 they take about 1 GB. Reading a
 * sample costs the same either way: the file is opened, read and decoded, and the cache is
 * keyed by sample, not by picture.
 */
public final class DataBenchWorkspace {
  /** Prefix of the bench datasets' names. */
  public static final String DATASET_PREFIX = "bench-data-";
  /** Samples per insert transaction. */
  private static final int CHUNK = 10_000;
  private static final String MARKER = "bench-data.properties";
  private static final String BUILDING = ".bench-data-building";
  private static final String SYMBOLS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int HEIGHT = 16;

  /** Build progress. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} steps of {@code phase} ({@code images} or {@code samples}). */
    void update(String phase, long done, long total);
  }

  /**
   * What was built or found.
   *
   * @param dir the workspace folder
   * @param size samples
   * @param distinct image files
   * @param imageBytes bytes of all image files
   * @param reused true when an earlier build was found
   * @param buildSeconds time the build took (this one or the earlier one)
   */
  public record Built(Path dir, int size, int distinct, long imageBytes, boolean reused, double buildSeconds) {}

  private DataBenchWorkspace() {}

  /** The workspace folder used when none is given: under the system temp folder. */
  public static Path defaultDir(int size, int distinct) {
    return Path.of(System.getProperty("java.io.tmpdir"), "maskocr-bench-data-" + size + "-" + distinct);
  }

  /**
   * Opens the bench workspace in {@code dir} when a complete build with these numbers is there;
   * otherwise builds it (removing an interrupted build of ours first).
   *
   * @throws IllegalArgumentException when {@code dir} holds something else than a bench build
   */
  public static Built ensure(Path dir, int size, int distinct, Progress progress) throws IOException {
    if (size < 1 || distinct < 1) {
      throw new IllegalArgumentException("--size and --distinct must be at least 1, got " + size + " and " + distinct);
    }
    int d = Math.min(size, distinct);
    Properties found = readMarker(dir);
    if (found != null && found.getProperty("size", "").equals(String.valueOf(size))
        && found.getProperty("distinct", "").equals(String.valueOf(d))) {
      return new Built(dir, size, d, Long.parseLong(found.getProperty("imageBytes")), true,
          Double.parseDouble(found.getProperty("buildSeconds")));
    }
    clear(dir, found != null);
    Files.createDirectories(dir);
    Files.createFile(dir.resolve(BUILDING));
    long t0 = System.nanoTime();
    long bytes;
    List<NewSample> samples;
    try (Workspace ws = Workspace.open(dir)) {
      samples = writeImages(ws, d, progress);
      bytes = 0;
      for (NewSample s : samples) {
        bytes += Files.size(ws.images().path(s.sha256(), s.format()));
      }
      insertSamples(ws, samples, size, progress);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Properties p = new Properties();
    p.setProperty("size", String.valueOf(size));
    p.setProperty("distinct", String.valueOf(d));
    p.setProperty("imageBytes", String.valueOf(bytes));
    p.setProperty("buildSeconds", String.format(java.util.Locale.ROOT, "%.1f", secs));
    try (OutputStream out = Files.newOutputStream(dir.resolve(MARKER))) {
      p.store(out, "maskocr bench data workspace; delete the folder to rebuild");
    }
    Files.delete(dir.resolve(BUILDING));
    return new Built(dir, size, d, bytes, false, secs);
  }

  private static Properties readMarker(Path dir) throws IOException {
    Path m = dir.resolve(MARKER);
    if (!Files.isRegularFile(m) || Files.exists(dir.resolve(BUILDING))) {
      return null;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(m)) {
      p.load(in);
    }
    return p;
  }

  /** Removes an earlier or interrupted bench build; refuses to touch a folder of anything else. */
  private static void clear(Path dir, boolean ours) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    boolean empty;
    try (Stream<Path> list = Files.list(dir)) {
      empty = list.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    if (!ours && !Files.exists(dir.resolve(BUILDING))) {
      throw new IllegalArgumentException(dir + " is not empty and holds no bench data workspace; choose another --dir");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Writes the distinct crops into the image store, in parallel; returns them as samples. */
  private static List<NewSample> writeImages(Workspace ws, int distinct, Progress progress) {
    NewSample[] out = new NewSample[distinct];
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    progress.update("images", 0, distinct);
    IntStream.range(0, distinct).parallel().forEach(i -> {
      String label = label(i);
      BufferedImage img = crop(i, label);
      byte[] png = png(img);
      String sha = sha256(png);
      try {
        ws.images().put(sha, "png", png);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store bench image " + i + ": " + e.getMessage(), e);
      }
      out[i] = new NewSample(sha, "png", img.getWidth(), HEIGHT, String.format("%08d.png", i), Split.TRAIN, label);
      long n = done.incrementAndGet();
      if (n % 1000 == 0 || n == distinct) {
        progress.update("images", n, distinct);
      }
    });
    return List.of(out);
  }

  /** Inserts {@code size} samples over the distinct images, one transaction per chunk. */
  private static void insertSamples(Workspace ws, List<NewSample> images, int size, Progress progress) {
    int d = images.size();
    Dataset dataset = null;
    List<NewSample> chunk = new ArrayList<>(CHUNK);
    progress.update("samples", 0, size);
    for (int k = 0; k < size; k++) {
      if (k % d == 0) {
        flush(ws, dataset, chunk);
        dataset = ws.datasets().create(DATASET_PREFIX + (k / d));
      }
      chunk.add(images.get(k % d));
      if (chunk.size() == CHUNK) {
        flush(ws, dataset, chunk);
        progress.update("samples", k + 1, size);
      }
    }
    flush(ws, dataset, chunk);
    progress.update("samples", size, size);
  }

  private static void flush(Workspace ws, Dataset dataset, List<NewSample> chunk) {
    if (dataset != null && !chunk.isEmpty()) {
      ws.samples().addBatch(dataset.id(), chunk, "bench");
    }
    chunk.clear();
  }

  /** A word of 3..10 latin36 symbols, fixed by {@code i}. */
  static String label(int i) {
    SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 1);
    int len = 3 + r.nextInt(8);
    StringBuilder sb = new StringBuilder(len);
    for (int k = 0; k < len; k++) {
      sb.append(SYMBOLS.charAt(r.nextInt(SYMBOLS.length())));
    }
    return sb.toString();
  }

  /**
   * A crop 16 px high and 7 px per symbol wide: a light, slightly noisy background with a few
   * dark strokes per symbol. Not legible, but shaped like a word crop, and quick to make. The
   * first pixels carry {@code i}, so no two crops are the same picture.
   */
  static BufferedImage crop(int i, String label) {
    int w = 7 * label.length() + 4;
    BufferedImage img = new BufferedImage(w, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    SplittableRandom r = new SplittableRandom(i * 0xBF58476D1CE4E5B9L + 7);
    int bg = 200 + r.nextInt(50);
    for (int k = 0; k < px.length; k++) {
      px[k] = (byte) (bg - r.nextInt(12));
    }
    for (int c = 0; c < label.length(); c++) {
      int x0 = 2 + 7 * c;
      int strokes = 2 + (label.charAt(c) % 3);
      for (int s = 0; s < strokes; s++) {
        boolean vertical = r.nextBoolean();
        int x = x0 + r.nextInt(vertical ? 5 : 2);
        int y = 3 + r.nextInt(vertical ? 2 : 10);
        int len = vertical ? 8 + r.nextInt(3) : 3 + r.nextInt(3);
        for (int t = 0; t < len; t++) {
          int xx = vertical ? x : x + t;
          int yy = vertical ? y + t : y;
          if (xx < w && yy < HEIGHT) {
            px[yy * w + xx] = (byte) (20 + r.nextInt(40));
          }
        }
      }
    }
    px[0] = (byte) i;
    px[1] = (byte) (i >>> 8);
    px[2] = (byte) (i >>> 16);
    px[3] = (byte) (i >>> 24);
    return img;
  }

  private static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
