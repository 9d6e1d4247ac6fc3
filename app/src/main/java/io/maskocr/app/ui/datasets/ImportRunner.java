package io.maskocr.app.ui.datasets;

import io.maskocr.engine.io.ImportListener;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.ImportSummary;
import io.maskocr.engine.store.Workspace;
import java.util.function.BooleanSupplier;

/**
 * Runs an import into a workspace (the engine's import service in the app). Called off the
 * UI thread; must poll {@code cancelled} between batches and return a summary marked
 * cancelled when it stops early.
 */
@FunctionalInterface
public interface ImportRunner {
  ImportSummary run(Workspace workspace, ImportRequest request, ImportListener listener,
      BooleanSupplier cancelled) throws Exception;
}
