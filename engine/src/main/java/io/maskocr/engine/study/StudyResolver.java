package io.maskocr.engine.study;

import io.maskocr.engine.data.Augmenter;
import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.ImageListSource;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.DataFingerprint;
import io.maskocr.engine.train.DataFingerprints;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.DataSpec;
import java.util.List;

/**
 * Data of one study run: a recipe's {@code train} split is the labelled subset, its {@code all}
 * split is every train image with the labels removed (what MIM and ORP may use: unlabelled
 * images are the cheap resource of the low-label setting). The test split is never handed to a
 * recipe. Other kinds go to {@code fallback}.
 */
final class StudyResolver implements DataResolver {
  private final String name;
  private final List<LabeledImage> labelled;
  private final List<LabeledImage> unlabelled;
  private final DataResolver fallback;

  StudyResolver(String name, List<LabeledImage> labelled, List<LabeledImage> unlabelled, DataResolver fallback) {
    this.name = name;
    this.labelled = labelled;
    this.unlabelled = unlabelled;
    this.fallback = fallback;
  }

  @Override
  public java.nio.file.Path resolveInit(String init) {
    return fallback.resolveInit(init);
  }

  @Override
  public DataFingerprint fingerprint(DataSpec spec) {
    if (!spec.kind().equals("split")) {
      return fallback.fingerprint(spec);
    }
    return switch (spec.split()) {
      case "train" -> DataFingerprints.ofImages(labelled);
      case "all" -> DataFingerprints.ofImages(unlabelled);
      default -> DataFingerprint.unknown();
    };
  }

  @Override
  public DataSource resolve(DataSpec spec, ModelConfig config, long seed) {
    if (!spec.kind().equals("split")) {
      return fallback.resolve(spec, config, seed);
    }
    Augmenter aug = spec.augment() > 0 ? new Augmenter(spec.augment()) : null;
    ImagePreprocessor pre = new ImagePreprocessor(config);
    return switch (spec.split()) {
      case "train" -> new ImageListSource(name + " labelled subset", labelled, pre, aug, seed);
      case "all" -> new ImageListSource(name + " train images, labels unused", unlabelled, pre, aug, seed);
      default -> throw new IllegalArgumentException("a low-label study gives recipes the splits train (the labelled "
          + "share) and all (every train image, unlabelled), not '" + spec.split() + "'");
    };
  }
}
