package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelComparison;
import io.maskocr.engine.store.LabelKind;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueCounts;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filtered queue and its counts, on hand-made predictions (no model needed). */
class QueueFilterTest {
  @TempDir Path dir;

  private static final String CK = "7@100";

  /** Six samples: three labelled (one wrongly), three unlabelled; confidences 0.1..0.6. */
  private List<Sample> seed(Workspace ws, Dataset d) throws Exception {
    List<Sample> s = new ArrayList<>(AnnotateFixtures.addWords(ws, d.id(), List.of("cat", "dog", "Bird"), Split.TRAIN, true));
    s.addAll(AnnotateFixtures.addWords(ws, d.id(), List.of("fish", "owl", "horse"), Split.VAL, false));
    String[] predicted = {"cat", "dug", "bird", "fish", "ow", "horse"};
    List<Prediction> p = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      p.add(new Prediction(s.get(i).id(), CK, predicted[i], 0.1 * (i + 1), new float[predicted[i].length()]));
    }
    // a second checkpoint that must not leak into the queue
    p.add(new Prediction(s.get(0).id(), "other@1", "cat", 0.01, new float[3]));
    ws.predictions().insertBatch(p);
    return s;
  }

  private static List<String> texts(List<QueueItem> items) {
    return items.stream().map(i -> i.prediction().text()).toList();
  }

  @Test
  void queueIsLowestConfidenceFirstAndEachFilterNarrowsIt() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      seed(ws, d);
      QueueFilter all = QueueFilter.all(d.id(), CK);
      assertEquals(List.of("cat", "dug", "bird", "fish", "ow", "horse"), texts(ws.predictions().queue(all, null, 100)));
      assertEquals(List.of("fish", "ow", "horse"), texts(ws.predictions().queue(all.withSplit(Split.VAL), null, 100)));
      assertEquals(List.of("dug", "bird", "fish"),
          texts(ws.predictions().queue(all.withConfidence(0.15, 0.45), null, 100)));
      assertEquals(List.of("cat", "dug", "ow"), texts(ws.predictions().queue(all.withLength(2, 3), null, 100)));
      assertEquals(List.of("cat", "dug", "bird"),
          texts(ws.predictions().queue(all.withLabelState(LabelState.LABELLED), null, 100)));
      assertEquals(List.of("fish", "ow", "horse"),
          texts(ws.predictions().queue(all.withLabelState(LabelState.UNLABELLED), null, 100)));
      // "Bird" vs "bird" differs only in case: a latin36 model cannot tell, so its charset hides it
      assertEquals(List.of("dug", "bird"),
          texts(ws.predictions().queue(all.withDisagreesOnly(true, LabelComparison.EXACT), null, 100)));
      assertEquals(List.of("dug"), texts(ws.predictions().queue(all.withDisagreesOnly(true,
          new LabelComparison(CharacterSet.latin36().symbols(), true)), null, 100)));
    }
  }

  @Test
  void keysetPagesContinueAfterTheLastItem() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      seed(ws, d);
      QueueFilter all = QueueFilter.all(d.id(), CK);
      List<QueueItem> first = ws.predictions().queue(all, null, 4);
      List<QueueItem> second = ws.predictions().queue(all, first.get(3), 4);
      assertEquals(List.of("ow", "horse"), texts(second));
    }
  }

  @Test
  void countsFollowReviewsAndIllegibleMarks() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      List<Sample> s = seed(ws, d);
      QueueFilter all = QueueFilter.all(d.id(), CK);
      assertEquals(new QueueCounts(6, 6, 3, 3, 0, 0, 2), ws.predictions().queueCounts(all));
      ws.labels().append(new NewLabel(s.get(3).id(), "fish", "ana", LabelSource.HUMAN));
      ws.labels().append(new NewLabel(s.get(4).id(), "", "ana", LabelSource.HUMAN, LabelKind.ILLEGIBLE));
      QueueCounts c = ws.predictions().queueCounts(all.withLabelState(LabelState.UNREVIEWED));
      assertEquals(new QueueCounts(4, 6, 4, 1, 2, 1, 2), c);
      assertEquals(4, c.unreviewed());
      assertEquals(List.of("ow"), texts(ws.predictions().queue(all.withLabelState(LabelState.ILLEGIBLE), null, 10)));
      assertNull(ws.samples().get(s.get(4).id()).orElseThrow().label(), "an illegible image has no label");
    }
  }

  @Test
  void unpredictedListsOnlyWhatTheCheckpointHasNotRead() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      List<Sample> s = seed(ws, d);
      assertTrue(ws.predictions().unpredicted(d.id(), null, CK, 0, 10).isEmpty());
      assertEquals(List.of(s.get(1).id(), s.get(2).id()),
          ws.predictions().unpredicted(d.id(), Split.TRAIN, "other@1", 0, 10).stream().map(Sample::id).toList());
    }
  }

  @Test
  void badRangesAreRefusedWithTheValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QueueFilter.all(1, CK).withConfidence(0.8, 0.2));
    assertTrue(e.getMessage().contains("0.8"), e.getMessage());
  }
}
