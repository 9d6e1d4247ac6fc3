package io.maskocr.engine.store;

/**
 * A queue item leased to one session, with the label entry that was current when it was leased:
 * pass {@code seenEntryId} to {@link Labels#save} so a teammate's newer label is not overwritten.
 *
 * @param item the queue item
 * @param seenEntryId the id of the sample's current label entry, 0 when it has none
 */
public record LeasedItem(QueueItem item, long seenEntryId) {
  /** The leased sample's id. */
  public long sampleId() {
    return item.sample().id();
  }
}
