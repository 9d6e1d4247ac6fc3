package io.maskocr.engine.team;

import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelKind;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.LeasedItem;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.SaveResult;
import io.maskocr.engine.store.Workspace;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One annotator's walk through a shared queue, as Annotate needs it on a team workspace: the
 * next item is leased to this session, a save is optimistic, and a conflict offers the choice
 * between keeping the teammate's label and saving this one on top. Not thread-safe: one per
 * window, called off the UI thread.
 */
public final class TeamQueueSession {
  private final Workspace workspace;
  private final String author;
  private final String session;
  private final QueueFilter filter;
  private final Duration ttl;
  private QueueItem cursor;
  private LeasedItem current;
  private SaveResult conflict;

  /**
   * @param author recorded with every label entry (the annotator's name, or the database user)
   * @param ttl how long an item stays leased without a save or skip
   */
  public TeamQueueSession(Workspace workspace, String author, QueueFilter filter, Duration ttl) {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("set the annotator name before labelling (it is recorded with every label)");
    }
    this.workspace = workspace;
    this.author = author.strip();
    this.session = this.author + "/" + UUID.randomUUID();
    this.filter = filter;
    this.ttl = ttl;
  }

  /** The session's lease holder name (the author plus a random part: two windows are two sessions). */
  public String session() {
    return session;
  }

  /** Leases and returns the next item; empty when the queue has nothing left for this session. */
  public Optional<QueueItem> next() {
    requireNoOpenConflict();
    Optional<LeasedItem> next = workspace.leases().next(filter, session, cursor, ttl);
    current = next.orElse(null);
    next.ifPresent(n -> cursor = n.item());
    return next.map(LeasedItem::item);
  }

  /**
   * Saves a label for the current item. Returns the result; on a conflict the teammate's entry
   * stays the label until {@link #saveOnTop()} or {@link #keepTheirs()} is chosen.
   */
  public SaveResult save(String text, LabelKind kind) {
    requireItem();
    requireNoOpenConflict();
    SaveResult r = workspace.labels().save(
        new NewLabel(current.sampleId(), text, author, LabelSource.HUMAN, kind), current.seenEntryId(), session);
    conflict = r.conflict() ? r : null;
    return r;
  }

  /** After a conflict: this session's label becomes current, on top of the teammate's. */
  public SaveResult saveOnTop() {
    SaveResult open = requireConflict();
    LabelEntry mine = open.yours();
    conflict = null;
    return workspace.labels().save(new NewLabel(mine.sampleId(), mine.text(), author, LabelSource.HUMAN, mine.kind()),
        open.theirs().id(), session);
  }

  /** After a conflict: the teammate's label stays; this session's entry stays in the history only. */
  public LabelEntry keepTheirs() {
    SaveResult open = requireConflict();
    conflict = null;
    return open.theirs();
  }

  /** Gives the current item back without a label (it is not offered to this session again on this pass). */
  public void skip() {
    requireItem();
    workspace.leases().release(current.sampleId(), session);
    current = null;
  }

  private void requireItem() {
    if (current == null) {
      throw new IllegalStateException("no item is leased: call next() first");
    }
  }

  private SaveResult requireConflict() {
    if (conflict == null) {
      throw new IllegalStateException("there is no conflict to resolve");
    }
    return conflict;
  }

  private void requireNoOpenConflict() {
    if (conflict != null) {
      throw new IllegalStateException("resolve the conflict first: keep theirs or save yours on top");
    }
  }
}
