package io.maskocr.engine.train;

import io.maskocr.engine.data.Augmenter;
import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.FolderSource;
import io.maskocr.engine.data.ImageListSource;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.data.WorkspaceImages;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves recipe data against a workspace: {@code split} reads a dataset split, {@code folder}
 * a labels.tsv folder, {@code synthetic} the renderer stream (through the factory given).
 * Loaded image lists are cached, so two stages reading the same split load it once.
 */
public final class WorkspaceDataResolver implements DataResolver {
  private final Workspace workspace;
  private final DataResolver synthetic;
  private final Map<String, List<LabeledImage>> cache = new ConcurrentHashMap<>();

  /** Resolves against {@code workspace} with the bundled renderer for synthetic data. */
  public WorkspaceDataResolver(Workspace workspace) {
    this(workspace, new SyntheticResolver());
  }

  /**
   * @param workspace open workspace (may be null when recipes use only folders / synthetic)
   * @param synthetic resolver for {@code synthetic} specs, or null when unavailable
   */
  public WorkspaceDataResolver(Workspace workspace, DataResolver synthetic) {
    this.workspace = workspace;
    this.synthetic = synthetic;
  }

  @Override
  public Path resolveInit(String init) {
    return InitCheckpoint.resolve(init, workspace);
  }

  @Override
  public DataFingerprint fingerprint(DataSpec spec) {
    return DataFingerprints.of(workspace, spec);
  }

  @Override
  public DataSource resolve(DataSpec spec, ModelConfig config, long seed) {
    ImagePreprocessor pre = new ImagePreprocessor(config);
    Augmenter aug = spec.augment() > 0 ? new Augmenter(spec.augment()) : null;
    switch (spec.kind()) {
      case "synthetic":
        if (synthetic == null) {
          throw new IllegalArgumentException(
              "this recipe needs synthetic data but no renderer is available in this build");
        }
        return synthetic.resolve(spec, config, seed);
      case "folder": {
        List<LabeledImage> imgs = cache.computeIfAbsent("folder:" + spec.path(), k -> FolderSource.load(Path.of(spec.path())));
        return new ImageListSource("folder " + spec.path(), imgs, pre, aug, seed);
      }
      default: {
        if (workspace == null) {
          throw new IllegalArgumentException("data of kind split needs a workspace");
        }
        Split split = "all".equals(spec.split()) ? null : Split.parse(spec.split());
        List<LabeledImage> imgs = cache.computeIfAbsent("split:" + spec.dataset() + "/" + spec.split(),
            k -> WorkspaceImages.load(workspace, spec.dataset(), split, false));
        return new ImageListSource(
            "workspace dataset " + spec.dataset() + " split " + spec.split(), imgs, pre, aug, seed);
      }
    }
  }
}
