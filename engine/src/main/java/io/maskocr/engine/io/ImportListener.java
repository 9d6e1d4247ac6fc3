package io.maskocr.engine.io;

/**
 * Receives progress from an import or export. Called on the importing thread after each
 * committed batch; implementations must return quickly (the app hands it to the FX thread).
 */
@FunctionalInterface
public interface ImportListener {
  /** A listener that ignores everything. */
  ImportListener NONE = p -> {};

  void progress(ImportProgress progress);
}
