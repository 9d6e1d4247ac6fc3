package io.maskocr.app.ui.render;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.renderer.io.SampleWriter;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link SampleSink} that stores rendered samples in the open workspace: the styled image
 * as PNG in the image store, the text as its label (author "renderer"), split train, original
 * name {@code synthetic/<config hash prefix>/seed-S/NNNNNNNN.png}. Each chunk is one
 * transaction. Boxes and clean targets are not stored (the store has no place for them; they
 * can be re-rendered from the seed and config).
 */
public final class WorkspaceSampleSink implements SampleSink {
  private final Supplier<Workspace> workspace;

  /** @param workspace the open workspace at the time of each call (null = none open) */
  public WorkspaceSampleSink(Supplier<Workspace> workspace) {
    this.workspace = workspace;
  }

  @Override
  public void add(String datasetName, List<RenderedSample> samples, RenderProvenance provenance) throws Exception {
    Workspace ws = workspace.get();
    if (ws == null) {
      throw new IllegalStateException("no workspace is open: open one before adding samples");
    }
    Dataset dataset = ws.datasets().getOrCreate(datasetName);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<NewSample> batch = new ArrayList<>(samples.size());
    String prefix = "synthetic/" + provenance.configSha256().substring(0, 12) + "/seed-" + provenance.seed() + "/";
    for (RenderedSample s : samples) {
      byte[] png = SampleWriter.png(s.image());
      String hash = HexFormat.of().formatHex(sha.digest(png));
      ws.images().put(hash, "png", png);
      batch.add(new NewSample(hash, "png", s.width(), s.height(),
          prefix + String.format("%08d.png", s.index()), Split.TRAIN, s.text()));
    }
    ws.samples().addBatch(dataset.id(), batch, "renderer");
  }
}
