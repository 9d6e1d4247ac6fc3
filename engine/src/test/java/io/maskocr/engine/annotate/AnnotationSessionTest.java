package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelKind;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves, undo/redo across items and restore: all appended to the history, nothing overwritten. */
class AnnotationSessionTest {
  @TempDir Path dir;

  @Test
  void undoAndRedoAppendEntriesAcrossItems() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("w");
      List<Sample> s = AnnotateFixtures.addWords(ws, d.id(), List.of("cat", "dog"), Split.TRAIN, false);
      AtomicLong now = new AtomicLong(0);
      AnnotationSession session = new AnnotationSession(ws, "ana", now::get);
      session.save(s.get(0).id(), "cat", "cat");
      now.set(30_000);
      session.save(s.get(1).id(), "dog", "dug");
      assertEquals(new SessionStats(1, 1, 0, 0.5), session.stats());
      assertEquals(4.0, session.stats().labelsPerMinute(), 1e-9);

      assertEquals(s.get(1).id(), session.undo().orElseThrow().sampleId());
      assertNull(ws.samples().get(s.get(1).id()).orElseThrow().label(), "undo of a first label clears it");
      assertEquals(s.get(0).id(), session.undo().orElseThrow().sampleId());
      assertFalse(session.canUndo());
      assertEquals(new SessionStats(0, 0, 0, 0.5), session.stats());
      session.redo();
      session.redo();
      assertEquals("dog", ws.samples().get(s.get(1).id()).orElseThrow().label());
      List<LabelEntry> h = ws.labels().history(s.get(1).id());
      assertEquals(List.of(LabelKind.TEXT, LabelKind.CLEARED, LabelKind.TEXT), h.stream().map(LabelEntry::kind).toList());
      assertEquals(List.of("ana"), h.stream().map(LabelEntry::author).distinct().toList());
      assertEquals(List.of(LabelSource.HUMAN), h.stream().map(LabelEntry::source).distinct().toList());
    }
  }

  @Test
  void restoreMakesAnEarlierEntryCurrentAndIllegibleLeavesNoLabel() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("w");
      Sample s = AnnotateFixtures.addWords(ws, d.id(), List.of("Exit"), Split.TRAIN, true).get(0);
      AnnotationSession session = new AnnotationSession(ws, "bo", System::currentTimeMillis);
      session.save(s.id(), "EXIT", "exit");
      session.markIllegible(s.id());
      assertNull(ws.samples().get(s.id()).orElseThrow().label());
      LabelEntry imported = ws.labels().history(s.id()).get(0);
      session.restore(imported);
      assertEquals("Exit", ws.samples().get(s.id()).orElseThrow().label());
      assertEquals(4, ws.labels().history(s.id()).size());
      session.undo();
      assertNull(ws.samples().get(s.id()).orElseThrow().label(), "undo of the restore: illegible again");
    }
  }

  @Test
  void savingTheSameLabelTwiceAppendsOnce() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("w");
      Sample s = AnnotateFixtures.addWords(ws, d.id(), List.of("tea"), Split.TRAIN, false).get(0);
      AnnotationSession session = new AnnotationSession(ws, "ana", System::currentTimeMillis);
      session.save(s.id(), "tea", "tea");
      session.save(s.id(), "tea", "tea");
      assertEquals(1, ws.labels().history(s.id()).size());
      assertThrows(IllegalArgumentException.class, () -> new AnnotationSession(ws, " ", System::currentTimeMillis));
    }
  }
}
