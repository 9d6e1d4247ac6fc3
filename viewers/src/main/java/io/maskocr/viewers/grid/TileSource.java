package io.maskocr.viewers.grid;

import java.nio.file.Path;

/**
 * What a {@link ThumbnailGrid} asks about its items. {@link #itemAt} must be cheap and
 * non-blocking: return null for an item that is not loaded yet, start loading it in the
 * background, and call {@link ThumbnailGrid#refresh()} when it arrives.
 *
 * @param <T> the item type (e.g. a sample record)
 */
public interface TileSource<T> {
  /** The item at {@code index}, or null while its page is loading. */
  T itemAt(int index);

  /** Text under the thumbnail (e.g. the label). */
  String caption(T item);

  /** Cache key of the thumbnail (e.g. the image hash). */
  String thumbnailKey(T item);

  /** The image file to decode the thumbnail from. */
  Path thumbnailFile(T item);

  /** Short tag in the tile corner (e.g. the split), or null. */
  default String badge(T item) {
    return null;
  }
}
