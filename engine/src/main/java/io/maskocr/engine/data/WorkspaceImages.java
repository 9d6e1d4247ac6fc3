package io.maskocr.engine.data;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the images of a workspace dataset split into memory, page by page. */
public final class WorkspaceImages {
  private static final int PAGE = 1000;

  private WorkspaceImages() {}

  /**
   * The samples of {@code dataset} ({@code *} = every dataset) in {@code split} (null = all),
   * with their current labels (null when unlabeled).
   *
   * @param requireLabels skip unlabeled samples
   */
  public static List<LabeledImage> load(Workspace ws, String dataset, Split split, boolean requireLabels) {
    List<Dataset> sets = "*".equals(dataset) ? ws.datasets().list() : List.of(ws.datasets().require(dataset));
    List<LabeledImage> out = new ArrayList<>();
    for (Dataset d : sets) {
      long after = 0;
      while (true) {
        SampleQuery q = SampleQuery.of(d.id(), PAGE).after(after);
        if (split != null) {
          q = q.withSplit(split);
        }
        List<io.maskocr.engine.store.Sample> page = ws.samples().page(q);
        for (io.maskocr.engine.store.Sample s : page) {
          if (requireLabels && (s.label() == null || s.label().isEmpty())) {
            continue;
          }
          BufferedImage img;
          try {
            img = ws.images().read(s);
          } catch (IOException e) {
            throw new IllegalArgumentException(
                "cannot read image of sample " + s.id() + " (" + s.originalName() + ") in dataset "
                    + d.name() + ": " + e.getMessage());
          }
          out.add(new LabeledImage(d.name() + "#" + s.id(), img, s.label(), null));
        }
        if (page.size() < PAGE) {
          break;
        }
        after = page.get(page.size() - 1).id();
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "dataset '" + dataset + "'" + (split != null ? " split " + split.code() : "")
              + " holds no " + (requireLabels ? "labeled " : "") + "samples; import data or assign splits first");
    }
    return out;
  }
}
