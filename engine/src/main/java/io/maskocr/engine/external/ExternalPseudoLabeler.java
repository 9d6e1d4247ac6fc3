package io.maskocr.engine.external;

import io.maskocr.engine.Sha256;
import io.maskocr.engine.annotate.PredictionJob;
import io.maskocr.engine.annotate.PredictionTarget;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.model.EngineThreads;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.PseudoLabeler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pseudo} data source: an external model reads a dataset's unlabelled crops (through
 * a {@link PredictionJob}, so the readings land in the predictions table, are reused by a later
 * run and are resumable), and those read with at least {@code minConfidence} become training
 * labels for this run only. Nothing is written to the label history: a pseudo-label is never a
 * human label. Found by training through {@code META-INF/services}.
 */
public final class ExternalPseudoLabeler implements PseudoLabeler {
  @Override
  public void requireAvailable(Workspace ws, DataSpec spec) {
    if ("*".equals(spec.dataset())) {
      throw new IllegalArgumentException("data of kind pseudo takes one dataset, not *");
    }
    try {
      ExternalModels.require(ws, spec.model());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public PseudoSet label(Workspace ws, DataSpec spec) {
    requireAvailable(ws, spec);
    Dataset d = ws.datasets().require(spec.dataset());
    Split split = "all".equals(spec.split()) ? null : Split.parse(spec.split());
    List<Sample> unlabelled = unlabelled(ws, d.id(), split);
    try (ExternalRecognizer r = ExternalModels.open(ws, spec.model(), EngineThreads.count())) {
      new PredictionJob(ws, r).run(PredictionTarget.selection(d.id(), unlabelled.stream().map(Sample::id).toList()),
          null, null);
      MessageDigest md = Sha256.digest();
      md.update((r.model().sha256() + "\n" + spec.minConfidence() + "\n").getBytes(StandardCharsets.UTF_8));
      List<LabeledImage> kept = new ArrayList<>();
      for (Sample s : unlabelled) {
        Optional<Prediction> p = ws.predictions().get(s.id(), r.checkpointId());
        if (p.isEmpty() || p.get().text().isEmpty() || p.get().confidence() < spec.minConfidence()) {
          continue;
        }
        BufferedImage img = ws.images().read(s);
        if (img == null) {
          continue;
        }
        kept.add(new LabeledImage(spec.dataset() + "#" + s.id(), img, p.get().text(), null));
        md.update((s.sha256() + "\t" + p.get().text() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return new PseudoSet(List.copyOf(kept), unlabelled.size() - kept.size(), r.checkpointId(), r.model().sha256(),
          Sha256.hex(md.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Sample> unlabelled(Workspace ws, long datasetId, Split split) {
    List<Sample> out = new ArrayList<>();
    long after = 0;
    while (true) {
      List<Sample> page = ws.samples().page(SampleQuery.of(datasetId, 10_000).withSplit(split).after(after));
      for (Sample s : page) {
        if (s.label() == null) {
          out.add(s);
        }
      }
      if (page.size() < 10_000) {
        return out;
      }
      after = page.get(page.size() - 1).id();
    }
  }
}
