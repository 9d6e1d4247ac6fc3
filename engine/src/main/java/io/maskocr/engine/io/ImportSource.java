package io.maskocr.engine.io;

import java.util.Iterator;

/**
 * A readable import layout: a stream of items, read once. Iteration happens on one thread
 * (LMDB transactions are thread-bound); {@link ImportItem.ImageBytes} may be called on others.
 */
interface ImportSource extends AutoCloseable {
  /** Number of items, or -1 when unknown. */
  long total();

  /** The items, in a deterministic order. */
  Iterator<ImportItem> iterator();

  @Override
  void close();
}
