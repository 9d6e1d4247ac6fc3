package io.maskocr.engine.train;

import io.maskocr.engine.data.Augmenter;
import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.FolderSource;
import io.maskocr.engine.data.ImageCache;
import io.maskocr.engine.data.ImageListSource;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.data.SampleIndex;
import io.maskocr.engine.data.SplitIndexLoader;
import io.maskocr.engine.data.StreamOptions;
import io.maskocr.engine.data.WorkspaceStreamSource;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves recipe data against a workspace: {@code split} streams a dataset split from the
 * image store ({@link WorkspaceStreamSource}: sample list in memory, images decoded on demand
 * through one bounded cache), {@code folder} loads a labels.tsv folder (small sets), {@code
 * synthetic} the renderer stream (through the factory given). Sample lists and folder images
 * are kept, so two stages reading the same split list it once and share decoded images.
 */
public final class WorkspaceDataResolver implements DataResolver {
  private final Workspace workspace;
  private final DataResolver synthetic;
  private final StreamOptions options;
  private final ImageCache images;
  private final Map<String, List<LabeledImage>> folders = new ConcurrentHashMap<>();
  private final Map<String, SampleIndex> splits = new ConcurrentHashMap<>();
  private final Map<DataSpec, PseudoLabeler.PseudoSet> pseudo = new ConcurrentHashMap<>();

  /** Resolves against {@code workspace} with the bundled renderer for synthetic data. */
  public WorkspaceDataResolver(Workspace workspace) {
    this(workspace, new SyntheticResolver());
  }

  /**
   * @param workspace open workspace (may be null when recipes use only folders / synthetic)
   * @param synthetic resolver for {@code synthetic} specs, or null when unavailable
   */
  public WorkspaceDataResolver(Workspace workspace, DataResolver synthetic) {
    this(workspace, synthetic, StreamOptions.defaults());
  }

  /**
   * @param workspace open workspace (may be null when recipes use only folders / synthetic)
   * @param synthetic resolver for {@code synthetic} specs, or null when unavailable
   * @param options image cache budget and read-ahead of streamed splits
   */
  public WorkspaceDataResolver(Workspace workspace, DataResolver synthetic, StreamOptions options) {
    this.workspace = workspace;
    this.synthetic = synthetic;
    this.options = options;
    this.images = new ImageCache(options.cacheBytes());
  }

  /** The decoded-image cache every streamed split of this resolver shares (for figures). */
  public ImageCache imageCache() {
    return images;
  }

  @Override
  public Path resolveInit(String init) {
    return InitCheckpoint.resolve(init, workspace);
  }

  @Override
  public DataFingerprint fingerprint(DataSpec spec) {
    if ("pseudo".equals(spec.kind())) {
      PseudoLabeler.PseudoSet p = pseudoSet(spec);
      return new DataFingerprint(p.kept().size(), p.kept().size(), p.fingerprint(), null);
    }
    return DataFingerprints.of(workspace, spec);
  }

  @Override
  public java.util.Optional<PseudoLabeler.PseudoSet> pseudoLabels(DataSpec spec) {
    return "pseudo".equals(spec.kind()) ? java.util.Optional.of(pseudoSet(spec)) : java.util.Optional.empty();
  }

  /** Read once per resolver: the stages and the provenance share one reading of the crops. */
  private PseudoLabeler.PseudoSet pseudoSet(DataSpec spec) {
    if (workspace == null) {
      throw new IllegalArgumentException("data of kind pseudo needs a workspace");
    }
    return pseudo.computeIfAbsent(spec, s -> PseudoLabeler.require().label(workspace, s));
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
      case "pseudo": {
        PseudoLabeler.PseudoSet p = pseudoSet(spec);
        if (p.kept().isEmpty()) {
          throw new IllegalArgumentException("model " + spec.model() + " read none of the unlabelled " + spec.split()
              + " crops of " + spec.dataset() + " with confidence >= " + spec.minConfidence() + " (" + p.dropped()
              + " dropped): lower \"minConfidence\" or add unlabelled crops");
        }
        return new ImageListSource("pseudo-labels of dataset " + spec.dataset() + " split " + spec.split() + " by "
            + p.modelKey() + " (confidence >= " + spec.minConfidence() + ")", p.kept(), pre, aug, seed);
      }
      case "folder": {
        List<LabeledImage> imgs = folders.computeIfAbsent(spec.path(), k -> FolderSource.load(Path.of(spec.path())));
        return new ImageListSource("folder " + spec.path(), imgs, pre, aug, seed);
      }
      default: {
        if (workspace == null) {
          throw new IllegalArgumentException("data of kind split needs a workspace");
        }
        Split split = "all".equals(spec.split()) ? null : Split.parse(spec.split());
        SampleIndex index = splits.computeIfAbsent(spec.dataset() + "/" + spec.split(),
            k -> SplitIndexLoader.load(workspace, spec.dataset(), split, false));
        return new WorkspaceStreamSource("workspace dataset " + spec.dataset() + " split " + spec.split(),
            index, workspace, images, pre, aug, seed, options.readAheadBatches());
      }
    }
  }
}
