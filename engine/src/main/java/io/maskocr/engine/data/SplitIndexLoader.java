package io.maskocr.engine.data;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.util.List;

/**
 * Reads which samples a workspace split holds, without their images, into a {@link
 * SampleIndex}. Same samples in the same order as {@link WorkspaceImages#load}, so a run
 * streams exactly what the in-memory path loaded.
 */
public final class SplitIndexLoader {
  /** Large pages: keyset paging costs one indexed query per page at any depth. */
  private static final int PAGE = 10_000;

  private SplitIndexLoader() {}

  /**
   * The samples of {@code dataset} ({@code *} = every dataset) in {@code split} (null = all),
   * in dataset order then id order, with their current labels.
   *
   * @param requireLabels skip unlabeled samples
   * @throws IllegalArgumentException when nothing matches (the message says what to do)
   */
  public static SampleIndex load(Workspace ws, String dataset, Split split, boolean requireLabels) {
    List<Dataset> sets = "*".equals(dataset) ? ws.datasets().list() : List.of(ws.datasets().require(dataset));
    SampleIndex.Builder b = new SampleIndex.Builder();
    for (Dataset d : sets) {
      long after = 0;
      while (true) {
        SampleQuery q = SampleQuery.of(d.id(), PAGE).after(after);
        if (split != null) {
          q = q.withSplit(split);
        }
        List<Sample> page = ws.samples().page(q);
        for (Sample s : page) {
          if (requireLabels && (s.label() == null || s.label().isEmpty())) {
            continue;
          }
          b.add(s.id(), d.name(), s.sha256(), s.format(), s.label());
        }
        if (page.size() < PAGE) {
          break;
        }
        after = page.get(page.size() - 1).id();
      }
    }
    if (b.size() == 0) {
      throw new IllegalArgumentException(
          "dataset '" + dataset + "'" + (split != null ? " split " + split.code() : "")
              + " holds no " + (requireLabels ? "labeled " : "") + "samples; import data or assign splits first");
    }
    return b.build();
  }
}
