package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class ReviewsTest {
  @Parameter Backend backend;
  @TempDir Path dir;

  @Test
  void aReviewerSeesOthersLabelsOnceAndAgreementCountsWhatTheyKept() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 4, "s");
      label(ws, ids.get(0), "cat", "ana");
      label(ws, ids.get(1), "dog", "ana");
      label(ws, ids.get(2), "cow", "ben");
      // ids.get(3) keeps its imported label: nothing to review

      assertEquals(List.of(ids.get(0), ids.get(1)), ids(ws.reviews().queue(d.id(), "ben", 0, 10)));
      assertEquals(List.of(ids.get(2)), ids(ws.reviews().queue(d.id(), "ana", 0, 10)));

      label(ws, ids.get(0), "cat", "ben"); // kept
      label(ws, ids.get(1), "dot", "ben"); // changed
      label(ws, ids.get(2), "cow", "ana"); // kept

      assertEquals(List.of(), ws.reviews().queue(d.id(), "ben", 0, 10), "reviews are not reviewed again");
      assertEquals(List.of(), ws.reviews().queue(d.id(), "cy", 0, 10));
      assertEquals(List.of(new Agreement("ana", 2, 1), new Agreement("ben", 1, 1)), ws.reviews().agreement(d.id()));
      assertEquals(0.5, ws.reviews().agreement(d.id()).get(0).rate());
    }
  }

  @Test
  void theAnnotationQueueNarrowsToAReviewersQueue() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 3, "s");
      List<Prediction> p = new java.util.ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        p.add(new Prediction(ids.get(i), "ck", "w" + i, 0.1 * (i + 1), null));
      }
      ws.predictions().insertBatch(p);
      label(ws, ids.get(0), "cat", "ana");
      label(ws, ids.get(1), "dog", "ben");
      QueueFilter forBen = QueueFilter.all(d.id(), "ck").withReviewer("ben");

      assertEquals(List.of(ids.get(0)), ws.predictions().queue(forBen, null, 10).stream()
          .map(q -> q.sample().id()).toList(), "ben checks ana's label only");
      assertEquals(1, ws.predictions().queueCounts(forBen).matching());
      label(ws, ids.get(0), "cat", "ben");
      assertEquals(List.of(), ws.predictions().queue(forBen, null, 10), "a checked label leaves the queue");
    }
  }

  private static void label(Workspace ws, long id, String text, String who) {
    ws.labels().append(new NewLabel(id, text, who, LabelSource.HUMAN));
  }

  private static List<Long> ids(List<Sample> samples) {
    return samples.stream().map(Sample::id).toList();
  }
}
