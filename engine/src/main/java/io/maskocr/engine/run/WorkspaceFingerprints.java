package io.maskocr.engine.run;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataFingerprint;
import io.maskocr.engine.train.DataFingerprints;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.DataSpec;
import java.nio.file.Path;

/**
 * A caller's own resolver (Annotate's fine-tune reads its labelled split from memory) with the
 * workspace's fingerprints wherever that resolver cannot take one, so a run's provenance names
 * the split it trained on even when the images came another way.
 */
final class WorkspaceFingerprints implements DataResolver {
  private final DataResolver inner;
  private final Workspace workspace;

  WorkspaceFingerprints(DataResolver inner, Workspace workspace) {
    this.inner = inner;
    this.workspace = workspace;
  }

  @Override
  public DataSource resolve(DataSpec spec, ModelConfig config, long seed) {
    return inner.resolve(spec, config, seed);
  }

  @Override
  public Path resolveInit(String init) {
    return inner.resolveInit(init);
  }

  @Override
  public DataFingerprint fingerprint(DataSpec spec) {
    DataFingerprint own = inner.fingerprint(spec);
    return DataFingerprint.UNKNOWN.equals(own.sha256()) ? DataFingerprints.of(workspace, spec) : own;
  }
}
