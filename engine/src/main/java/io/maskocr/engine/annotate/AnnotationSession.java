package io.maskocr.engine.annotate;

import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.SaveResult;
import io.maskocr.engine.store.Workspace;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One annotator's review session: saves labels with the annotator's name (each save is its own
 * committed transaction, durable when the call returns), marks images illegible, restores
 * earlier labels, and undoes / redoes across items by appending entries to the history. Keeps
 * the session counters. Thread-safe; call it off the UI thread.
 */
public final class AnnotationSession {
  private final Workspace workspace;
  private final String author;
  private final LongSupplier clockMillis;
  private final Deque<LabelEdit> undo = new ArrayDeque<>();
  private final Deque<LabelEdit> redo = new ArrayDeque<>();
  private final Map<Long, LabelEdit.Outcome> outcomes = new HashMap<>();
  /** Per item, the label entry the annotator was shown (team workspaces save against it). */
  private final Map<Long, Long> seen = new HashMap<>();
  private long firstSaveMillis = -1;

  /**
   * @param author recorded with every entry (the annotator's name, set once in the settings)
   * @param clockMillis time source for labels per minute (System::currentTimeMillis)
   */
  public AnnotationSession(Workspace workspace, String author, LongSupplier clockMillis) {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("set the annotator name before labelling (it is recorded with every label)");
    }
    this.workspace = workspace;
    this.author = author.strip();
    this.clockMillis = clockMillis;
  }

  public String author() {
    return author;
  }

  /**
   * Saves {@code text} as the label; counts it accepted when it equals {@code predicted}, else
   * corrected. A save identical to the current human label of this annotator appends nothing.
   */
  public synchronized LabelEntry save(long sampleId, String text, String predicted) {
    LabelEdit.Outcome o = text.equals(predicted) ? LabelEdit.Outcome.ACCEPTED : LabelEdit.Outcome.CORRECTED;
    return change(sampleId, LabelValue.text(text), o);
  }

  /**
   * Records which label entry the annotator sees on an item (0: none). In a team workspace a
   * later save on that item is optimistic: when a teammate saved since, it throws {@link
   * LabelConflict} and their label stays current.
   */
  public synchronized void shown(long sampleId, long entryId) {
    seen.put(sampleId, entryId);
  }

  /**
   * After a {@link LabelConflict}: saves the annotator's label again, on top of the teammate's
   * (counted and undoable like any save).
   */
  public synchronized LabelEntry saveOnTop(SaveResult conflict, String predicted) {
    LabelEntry mine = conflict.yours();
    seen.put(mine.sampleId(), conflict.theirs().id());
    LabelValue v = LabelValue.of(mine);
    LabelEdit.Outcome o = v.kind() == io.maskocr.engine.store.LabelKind.ILLEGIBLE ? LabelEdit.Outcome.ILLEGIBLE
        : mine.text().equals(predicted) ? LabelEdit.Outcome.ACCEPTED : LabelEdit.Outcome.CORRECTED;
    return change(mine.sampleId(), v, o);
  }

  /** Marks the image illegible (it leaves training and the unlabelled queue). */
  public synchronized LabelEntry markIllegible(long sampleId) {
    return change(sampleId, LabelValue.ILLEGIBLE, LabelEdit.Outcome.ILLEGIBLE);
  }

  /** Makes an earlier history entry the current label again (appended as a new entry). */
  public synchronized LabelEntry restore(LabelEntry earlier) {
    LabelValue v = LabelValue.of(earlier);
    LabelEdit.Outcome o = switch (v.kind()) {
      case ILLEGIBLE -> LabelEdit.Outcome.ILLEGIBLE;
      default -> LabelEdit.Outcome.CORRECTED;
    };
    return change(earlier.sampleId(), v, o);
  }

  /** Takes back the newest change of this session; returns it (its sample is where to go). */
  public synchronized Optional<LabelEdit> undo() {
    LabelEdit e = undo.poll();
    if (e == null) {
      return Optional.empty();
    }
    append(e.sampleId(), e.before());
    outcomes.compute(e.sampleId(), (k, v) -> e.outcomeBefore());
    redo.push(e);
    return Optional.of(e);
  }

  /** Applies the last undone change again. */
  public synchronized Optional<LabelEdit> redo() {
    LabelEdit e = redo.poll();
    if (e == null) {
      return Optional.empty();
    }
    append(e.sampleId(), e.after());
    outcomes.put(e.sampleId(), e.outcomeAfter());
    undo.push(e);
    return Optional.of(e);
  }

  public synchronized boolean canUndo() {
    return !undo.isEmpty();
  }

  public synchronized boolean canRedo() {
    return !redo.isEmpty();
  }

  /** Accepted / corrected / illegible counts and the time since the first save. */
  public synchronized SessionStats stats() {
    long a = 0;
    long c = 0;
    long i = 0;
    for (LabelEdit.Outcome o : outcomes.values()) {
      switch (o) {
        case ACCEPTED -> a++;
        case CORRECTED -> c++;
        case ILLEGIBLE -> i++;
      }
    }
    double minutes = firstSaveMillis < 0 ? 0 : (clockMillis.getAsLong() - firstSaveMillis) / 60_000.0;
    return new SessionStats(a, c, i, minutes);
  }

  private LabelEntry change(long sampleId, LabelValue after, LabelEdit.Outcome outcome) {
    Optional<LabelEntry> current = workspace.labels().current(sampleId);
    LabelValue before = LabelValue.of(current.orElse(null));
    LabelEntry entry;
    if (current.isPresent() && before.equals(after) && current.get().source() == LabelSource.HUMAN
        && current.get().author().equals(author)) {
      entry = current.get();
    } else {
      entry = append(sampleId, after);
    }
    if (firstSaveMillis < 0) {
      firstSaveMillis = clockMillis.getAsLong();
    }
    LabelEdit.Outcome previous = outcomes.put(sampleId, outcome);
    if (!before.equals(after) || previous != outcome) {
      undo.push(new LabelEdit(sampleId, before, after, previous, outcome));
      redo.clear();
    }
    return entry;
  }

  private LabelEntry append(long sampleId, LabelValue v) {
    NewLabel label = new NewLabel(sampleId, v.text(), author, LabelSource.HUMAN, v.kind());
    Long shownEntry = seen.get(sampleId);
    if (!workspace.isTeam() || shownEntry == null) {
      return workspace.labels().append(label);
    }
    SaveResult r = workspace.labels().save(label, shownEntry, null);
    if (r.conflict()) {
      throw new LabelConflict(r);
    }
    seen.put(sampleId, r.yours().id()); // the next save on this item builds on this one
    return r.yours();
  }
}
