package io.maskocr.app.ui.datasets;

import io.maskocr.engine.io.Importer;

/** The import services the app uses. */
public final class Importers {
  private Importers() {}

  /** The engine's importer (TwelveMonkeys decoding, batched transactions, skip reasons). */
  public static ImportRunner engine() {
    return (ws, request, listener, cancelled) -> new Importer(ws).run(request, listener, cancelled);
  }
}
