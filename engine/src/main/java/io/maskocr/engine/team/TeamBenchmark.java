package io.maskocr.engine.team;

import io.maskocr.engine.store.BenchSeed;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LeasedItem;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.QueueLeases;
import io.maskocr.engine.store.SaveResult;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Simulated annotators on one team queue: each on its own workspace instance (its own database
 * connections, as separate apps have), each looping lease next item, read its label, save. Counts
 * what the team would notice: throughput, the wait for the next item, an item handed to two
 * people at once, and labels that were acknowledged but are not in the history afterwards.
 *
 * @param annotators how many simulated people
 * @param seconds how long they work
 * @param predictions queue length (one prediction per sample)
 */
public record TeamBenchmark(int annotators, int seconds, int predictions) {
  private static final String CHECKPOINT = "bench";

  /** Checks the values. */
  public TeamBenchmark {
    if (annotators < 1 || seconds < 1 || predictions < 1) {
      throw new IllegalArgumentException("annotators, seconds and predictions must be at least 1");
    }
  }

  /** One save as acknowledged to an annotator. */
  private record Sent(long sampleId, long entryId, String text) {}

  /** Seeds the workspace folder {@code dir} (a new team workspace) and runs; figures in order for the JSON line. */
  public Map<String, Object> run(Path dir, Consumer<String> log) throws Exception {
    long datasetId;
    long seedStart = System.nanoTime();
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = BenchSeed.queue(ws, "bench-team", predictions, CHECKPOINT);
      datasetId = d.id();
    }
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    log.accept(String.format("seeded %,d predictions in %.1f s", predictions, seedSeconds));
    QueueFilter filter = QueueFilter.all(datasetId, CHECKPOINT).withLabelState(LabelState.UNREVIEWED);

    Set<Long> handedOut = ConcurrentHashMap.newKeySet();
    Set<Long> duplicates = ConcurrentHashMap.newKeySet();
    List<Workspace> sessions = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(annotators);
    try {
      for (int i = 0; i < annotators; i++) {
        sessions.add(Workspace.open(dir));
      }
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      List<Future<List<Object>>> work = new ArrayList<>();
      for (int i = 0; i < annotators; i++) {
        Workspace ws = sessions.get(i);
        String who = "annotator" + i;
        work.add(pool.submit(() -> annotate(ws, who, filter, deadline, handedOut, duplicates)));
      }
      long start = System.nanoTime();
      List<Sent> sent = new ArrayList<>();
      List<Long> waits = new ArrayList<>();
      long conflicts = 0;
      for (Future<List<Object>> f : work) {
        List<Object> r = f.get();
        @SuppressWarnings("unchecked") List<Sent> s = (List<Sent>) r.get(0);
        @SuppressWarnings("unchecked") List<Long> w = (List<Long>) r.get(1);
        sent.addAll(s);
        waits.addAll(w);
        conflicts += (Long) r.get(2);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long lost = lost(sessions.get(0), sent);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("annotators", annotators);
      out.put("seconds", Math.round(elapsed * 10) / 10.0);
      out.put("predictions", predictions);
      out.put("saves", sent.size());
      out.put("saves_per_s", Math.round(sent.size() / elapsed * 10) / 10.0);
      out.put("next_item_p50_ms", percentile(waits, 0.50));
      out.put("next_item_p95_ms", percentile(waits, 0.95));
      out.put("duplicate_assignments", duplicates.size());
      out.put("conflicts", conflicts);
      out.put("lost_labels", lost);
      out.put("seed_s", Math.round(seedSeconds * 10) / 10.0);
      return out;
    } finally {
      pool.shutdownNow();
      sessions.forEach(Workspace::close);
    }
  }

  private static List<Object> annotate(Workspace ws, String who, QueueFilter filter, long deadline,
      Set<Long> handedOut, Set<Long> duplicates) {
    String session = who + "-" + ProcessHandle.current().pid();
    List<Sent> sent = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    long conflicts = 0;
    QueueItem after = null;
    int n = 0;
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      Optional<LeasedItem> next = ws.leases().next(filter, session, after, QueueLeases.DEFAULT_TTL);
      if (next.isEmpty()) {
        break;
      }
      long sampleId = next.get().sampleId();
      long seen = next.get().seenEntryId();
      waits.add(System.nanoTime() - t0);
      if (!handedOut.add(sampleId)) {
        duplicates.add(sampleId);
      }
      String text = who + " #" + n++ + " 'q' \\ \"x\"";
      SaveResult r = ws.labels().save(new NewLabel(sampleId, text, who, LabelSource.HUMAN), seen, session);
      conflicts += r.conflict() ? 1 : 0;
      sent.add(new Sent(sampleId, r.yours().id(), text));
      after = next.get().item();
    }
    return List.of(sent, waits, conflicts);
  }

  /** Acknowledged saves whose entry is not in the history with the text that was sent. */
  private static long lost(Workspace ws, List<Sent> sent) {
    long lost = 0;
    for (Sent s : sent) {
      boolean kept = ws.labels().history(s.sampleId()).stream()
          .anyMatch(e -> e.id() == s.entryId() && e.text().equals(s.text()));
      lost += kept ? 0 : 1;
    }
    return lost;
  }

  private static double percentile(List<Long> nanos, double p) {
    if (nanos.isEmpty()) {
      return 0;
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    long v = sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    return Math.round(v / 1e4) / 100.0;
  }
}
