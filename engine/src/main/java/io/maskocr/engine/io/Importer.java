package io.maskocr.engine.io;

import io.maskocr.engine.store.AddResult;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.ImageStore;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Imports images and labels into a workspace dataset.
 *
 * <p>Pipeline: the source is read on the calling thread in chunks; worker threads (one per
 * core) read, hash, check and store each image; the calling thread commits each chunk as one
 * transaction, in source order. Chunks are sized to take about a quarter second each, so
 * progress and cancel respond quickly for large photos and batches stay large for crops. So an interrupted or cancelled import leaves whole batches or
 * nothing, and a bad item is skipped with its reason while the rest goes on.
 *
 * <pre>{@code
 * ImportSummary s = new Importer(ws).run(ImportRequest.of(dir, "street"), listener, cancel::get);
 * }</pre>
 */
public final class Importer {
  /** Most items per transaction. */
  public static final int DEFAULT_BATCH = 1000;
  /** Items in the first chunk, before the import knows how long an item takes. */
  private static final int FIRST_CHUNK = 64;
  /** Fewest items per chunk (unless the batch size is smaller). */
  private static final int MIN_CHUNK = 4;
  /** Worker time a chunk should take: bounds the delay of progress and cancel. */
  private static final double CHUNK_SECONDS = 0.25;

  private final Workspace ws;
  private final ImageChecker checker;
  private final int threads;
  private final int batchSize;

  /** An importer with default limits, one worker per core and batches of 1000. */
  public Importer(Workspace ws) {
    this(ws, ImageLimits.DEFAULT, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
  }

  /**
   * @param ws target workspace
   * @param limits image size limits
   * @param threads worker threads for hashing and decoding (at least 1)
   * @param batchSize items per committed transaction (at least 1)
   */
  public Importer(Workspace ws, ImageLimits limits, int threads, int batchSize) {
    this.ws = ws;
    this.checker = new ImageChecker(limits);
    this.threads = Math.max(1, threads);
    this.batchSize = Math.max(1, batchSize);
  }

  /**
   * Runs an import to the end, or until {@code cancelled} returns true (checked between
   * batches; committed batches stay).
   *
   * @param request what to import
   * @param listener progress after every committed batch (on this thread)
   * @param cancelled polled between batches; null = never cancelled
   * @return counts of imported, duplicate and skipped items with reasons
   * @throws IOException when the source itself cannot be read (a missing list file...)
   * @throws IllegalArgumentException when the request is invalid (bad pattern, unknown layout)
   */
  public ImportSummary run(ImportRequest request, ImportListener listener, BooleanSupplier cancelled)
      throws IOException {
    long start = System.nanoTime();
    BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
    ImportListener progress = listener == null ? ImportListener.NONE : listener;
    FormatDetector.Detected detected =
        request.format() == null
            ? FormatDetector.detect(request.source())
            : new FormatDetector.Detected(request.format(), request.source());
    LabelPattern pattern = request.labelPattern() == null ? null : LabelPattern.parse(request.labelPattern());
    if (pattern != null && detected.format() != ImportFormat.FOLDER) {
      throw new IllegalArgumentException(
          "--label-pattern applies to image folders only; " + request.source() + " is read as "
              + detected.format().code());
    }
    Split split = request.split() == null ? Split.TRAIN : request.split();
    Tally tally = new Tally();
    boolean wasCancelled = false;
    ExecutorService pool = Executors.newFixedThreadPool(threads, Importer::daemon);
    // created at the first commit that stores a sample: an import whose every item is
    // refused (or whose source cannot be opened) leaves no empty dataset behind
    Dataset[] dataset = new Dataset[1];
    try (ImportSource source = open(detected, pattern)) {
      Iterator<ImportItem> items = source.iterator();
      ArrayDeque<Future<Chunk>> inflight = new ArrayDeque<>();
      String author = "import:" + detected.format().code();
      int chunkSize = Math.min(batchSize, FIRST_CHUNK);
      while (true) {
        while (inflight.size() < threads + 1 && items.hasNext() && !stop.getAsBoolean()) {
          List<ImportItem> chunk = new ArrayList<>(chunkSize);
          while (chunk.size() < chunkSize && items.hasNext()) {
            chunk.add(items.next());
          }
          inflight.add(pool.submit(() -> process(chunk, split)));
        }
        if (inflight.isEmpty()) {
          break;
        }
        if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          wasCancelled = true;
          inflight.forEach(f -> f.cancel(true));
          break;
        }
        Chunk done = await(inflight.poll());
        commit(dataset, request.dataset(), done.outcomes(), author, tally);
        chunkSize = nextChunkSize(done.outcomes().size(), done.nanos(), batchSize);
        progress.progress(
            new ImportProgress(tally.processed, source.total(), tally.imported, tally.duplicates, tally.skipped()));
      }
      wasCancelled |= items.hasNext();
    } finally {
      pool.shutdownNow();
    }
    return new ImportSummary(
        dataset[0] != null ? dataset[0].name() : request.dataset(),
        detected.format(),
        tally.imported,
        tally.duplicates,
        Collections.unmodifiableMap(tally.byReason),
        List.copyOf(tally.examples),
        wasCancelled,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static ImportSource open(FormatDetector.Detected d, LabelPattern pattern) throws IOException {
    return switch (d.format()) {
      case FOLDER -> {
        if (!java.nio.file.Files.isDirectory(d.path())) {
          throw new IllegalArgumentException(d.path() + " is not a folder");
        }
        yield new FolderSource(d.path(), pattern);
      }
      case TSV -> new TsvSource(FormatDetector.listFile(d.path(), ImportFormat.TSV));
      case JSONL -> new JsonlSource(FormatDetector.listFile(d.path(), ImportFormat.JSONL));
      case LMDB -> new LmdbSource(d.path());
    };
  }

  /** Result of one item: a sample to insert or the reason it was skipped. */
  private record Outcome(NewSample sample, Skipped skipped) {}

  /** A processed chunk and how long one worker took for it. */
  private record Chunk(List<Outcome> outcomes, long nanos) {}

  /**
   * Sizes chunks so one takes about {@link #CHUNK_SECONDS} on a worker: small word crops go
   * in chunks of up to {@code batchSize}, large photos in small ones, so progress and cancel
   * stay responsive whatever the images are.
   */
  static int nextChunkSize(int items, long nanos, int batchSize) {
    double perItem = nanos / 1e9 / Math.max(1, items);
    int ideal = perItem <= 0 ? batchSize : (int) Math.min(Integer.MAX_VALUE, CHUNK_SECONDS / perItem);
    return Math.min(batchSize, Math.max(MIN_CHUNK, ideal));
  }

  private Chunk process(List<ImportItem> chunk, Split split) {
    long t0 = System.nanoTime();
    MessageDigest sha = sha256();
    ImageStore images = ws.images();
    List<Outcome> out = new ArrayList<>(chunk.size());
    for (ImportItem item : chunk) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      out.add(processOne(item, split, sha, images));
    }
    return new Chunk(out, System.nanoTime() - t0);
  }

  private Outcome processOne(ImportItem item, Split split, MessageDigest sha, ImageStore images) {
    if (item.skip() != null) {
      return new Outcome(null, item.skip());
    }
    String badLabel = LabelCheck.problem(item.label());
    if (badLabel != null) {
      return skip(item, SkipReason.BAD_LABEL, badLabel);
    }
    byte[] bytes;
    try {
      bytes = item.bytes().read();
    } catch (NoSuchFileException e) {
      return skip(item, SkipReason.MISSING_FILE, "no such file");
    } catch (IOException | RuntimeException e) {
      return skip(item, SkipReason.MISSING_FILE, String.valueOf(e.getMessage()));
    } catch (OutOfMemoryError e) {
      return skip(item, SkipReason.TOO_LARGE, "file does not fit in memory");
    }
    ImageInfo info;
    try {
      info = checker.check(bytes);
    } catch (BadImageException e) {
      return skip(item, e.reason(), e.getMessage());
    }
    String hash = HexFormat.of().formatHex(sha.digest(bytes));
    try {
      images.put(hash, info.format(), bytes);
    } catch (IOException e) {
      // the workspace disk is the problem, not the item: stop the import
      throw new java.io.UncheckedIOException("cannot write into " + images.root() + " (free disk space or make it"
          + " writable, then import again; batches committed before stay)", e);
    }
    return new Outcome(
        new NewSample(hash, info.format(), info.width(), info.height(), item.name(), split, item.label()),
        null);
  }

  private static Outcome skip(ImportItem item, SkipReason reason, String detail) {
    return new Outcome(null, new Skipped(item.where(), reason, detail));
  }

  private void commit(Dataset[] dataset, String name, List<Outcome> done, String author, Tally tally) {
    List<NewSample> batch = new ArrayList<>(done.size());
    for (Outcome o : done) {
      if (o.sample() != null) {
        batch.add(o.sample());
      }
    }
    if (dataset[0] == null && !batch.isEmpty()) {
      dataset[0] = ws.datasets().getOrCreate(name);
    }
    AddResult r = batch.isEmpty() ? new AddResult(0, 0) : ws.samples().addBatch(dataset[0].id(), batch, author);
    tally.imported += r.inserted();
    tally.duplicates += r.duplicates();
    tally.processed += done.size();
    for (Outcome o : done) {
      if (o.skipped() != null) {
        tally.byReason.merge(o.skipped().reason(), 1L, Long::sum);
        if (tally.examples.size() < ImportSummary.MAX_EXAMPLES) {
          tally.examples.add(o.skipped());
        }
      }
    }
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("import interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof java.io.UncheckedIOException u) {
        IOException cause = u.getCause();
        throw new IOException(u.getMessage() + ": " + cause.getClass().getSimpleName() + " " + cause.getMessage(), cause);
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(c);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "maskocr-import");
    t.setDaemon(true);
    return t;
  }

  /** Running counts, touched only by the committing thread. */
  private static final class Tally {
    long processed;
    long imported;
    long duplicates;
    final Map<SkipReason, Long> byReason = new EnumMap<>(SkipReason.class);
    final List<Skipped> examples = new ArrayList<>();

    long skipped() {
      return byReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
