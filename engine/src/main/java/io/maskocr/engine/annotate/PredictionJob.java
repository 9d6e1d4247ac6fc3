package io.maskocr.engine.annotate;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.TextReader;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Predicts a dataset, a split or a selection with one checkpoint or external model, {@link
 * TextReader#batchSize()} images at a time, storing each batch in its own transaction. Resumable: samples this
 * checkpoint already predicted are skipped, so a cancelled or crashed job continues where it
 * stopped. Run it off the UI thread.
 */
public final class PredictionJob {
  /** Progress: samples handled (predicted, skipped or unreadable) of the total. */
  @FunctionalInterface
  public interface Progress {
    void update(long done, long total);
  }

  private static final int MAX_PROBLEMS = 10;

  private final Workspace workspace;
  private final TextReader recognizer;

  /** A job storing into {@code workspace} what {@code recognizer} reads. */
  public PredictionJob(Workspace workspace, TextReader recognizer) {
    this.workspace = workspace;
    this.recognizer = recognizer;
  }

  /**
   * Runs until done or {@code cancelled} returns true (checked between batches).
   *
   * @param progress may be null
   * @param cancelled may be null
   */
  public PredictionSummary run(PredictionTarget target, Progress progress, BooleanSupplier cancelled) {
    long t0 = System.nanoTime();
    String key = recognizer.checkpointId();
    workspace.datasets().get(target.datasetId()).orElseThrow(
        () -> new IllegalArgumentException("no dataset with id " + target.datasetId() + " in " + workspace.root()));
    Counter n = new Counter(key);
    if (target.sampleIds() != null) {
      List<Sample> todo = new ArrayList<>();
      for (long id : target.sampleIds()) {
        Optional<Sample> s = workspace.samples().get(id);
        if (s.isEmpty() || s.get().datasetId() != target.datasetId()) {
          throw new IllegalArgumentException("sample " + id + " is not in dataset " + target.datasetId());
        }
        if (workspace.predictions().get(id, key).isPresent()) {
          n.alreadyDone++;
        } else {
          todo.add(s.get());
        }
      }
      long total = target.sampleIds().size();
      for (int from = 0; from < todo.size(); from += recognizer.batchSize()) {
        if (stop(cancelled)) {
          return n.summary(true, t0);
        }
        predictBatch(todo.subList(from, Math.min(todo.size(), from + recognizer.batchSize())), n);
        report(progress, n, total);
      }
      return n.summary(false, t0);
    }
    SampleQuery all = SampleQuery.of(target.datasetId(), 1).withSplit(target.split());
    long total = workspace.samples().count(all);
    long after = 0;
    List<Sample> firstPage = workspace.predictions().unpredicted(
        target.datasetId(), target.split(), key, after, recognizer.batchSize());
    // everything not on the todo list was predicted by an earlier run of this job
    n.alreadyDone = total - countUnpredicted(target, key, firstPage);
    report(progress, n, total);
    List<Sample> page = firstPage;
    while (!page.isEmpty()) {
      if (stop(cancelled)) {
        return n.summary(true, t0);
      }
      predictBatch(page, n);
      report(progress, n, total);
      after = page.get(page.size() - 1).id();
      page = workspace.predictions().unpredicted(target.datasetId(), target.split(), key, after, recognizer.batchSize());
    }
    return n.summary(false, t0);
  }

  private long countUnpredicted(PredictionTarget target, String key, List<Sample> firstPage) {
    if (firstPage.size() < recognizer.batchSize()) {
      return firstPage.size();
    }
    long count = 0;
    long after = 0;
    while (true) {
      List<Sample> p = workspace.predictions().unpredicted(target.datasetId(), target.split(), key, after, 10_000);
      count += p.size();
      if (p.size() < 10_000) {
        return count;
      }
      after = p.get(p.size() - 1).id();
    }
  }

  private void predictBatch(List<Sample> batch, Counter n) {
    List<Sample> readable = new ArrayList<>(batch.size());
    List<BufferedImage> images = new ArrayList<>(batch.size());
    for (Sample s : batch) {
      try {
        BufferedImage img = workspace.images().read(s);
        if (img == null) {
          throw new IOException("not a decodable image");
        }
        readable.add(s);
        images.add(img);
      } catch (IOException | RuntimeException e) {
        n.unreadable++;
        if (n.problems.size() < MAX_PROBLEMS) {
          n.problems.add("sample " + s.id() + " (" + s.originalName() + "): " + e.getMessage());
        }
      }
    }
    if (readable.isEmpty()) {
      return;
    }
    List<Prediction> out = recognizer.predictImages(images);
    List<io.maskocr.engine.store.Prediction> rows = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      Prediction p = out.get(i);
      rows.add(new io.maskocr.engine.store.Prediction(
          readable.get(i).id(), p.checkpoint(), p.text(), p.confidence(), p.charProbabilities()));
    }
    workspace.predictions().insertBatch(rows);
    n.predicted += rows.size();
  }

  private static boolean stop(BooleanSupplier cancelled) {
    return cancelled != null && cancelled.getAsBoolean();
  }

  private static void report(Progress progress, Counter n, long total) {
    if (progress != null) {
      progress.update(Math.min(total, n.alreadyDone + n.predicted + n.unreadable), total);
    }
  }

  /** Running tallies of one job. */
  private static final class Counter {
    final String key;
    long predicted;
    long alreadyDone;
    long unreadable;
    final List<String> problems = new ArrayList<>();

    Counter(String key) {
      this.key = key;
    }

    PredictionSummary summary(boolean cancelled, long t0) {
      return new PredictionSummary(key, predicted, alreadyDone, unreadable, List.copyOf(problems), cancelled,
          (System.nanoTime() - t0) / 1e9);
    }
  }
}
