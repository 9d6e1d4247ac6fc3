package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class LabelsTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void everyChangeIsAppendedAndTheCurrentLabelIsTheNewest() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      long id = StoreFixtures.addSamples(ws, d.id(), 1, "imported").get(0);
      ws.labels().append(new NewLabel(id, "human fix", "ana", LabelSource.HUMAN));
      ws.labels().append(new NewLabel(id, "模型", "ckpt-3", LabelSource.MODEL));

      List<LabelEntry> h = ws.labels().history(id);
      assertEquals(List.of("imported0", "human fix", "模型"), h.stream().map(LabelEntry::text).toList());
      assertEquals(List.of(LabelSource.IMPORT, LabelSource.HUMAN, LabelSource.MODEL),
          h.stream().map(LabelEntry::source).toList());
      assertEquals("模型", ws.labels().current(id).orElseThrow().text());
      assertEquals("模型", ws.samples().get(id).orElseThrow().label());
      assertEquals(h.get(2), ws.labels().current(id).orElseThrow());
    }
  }

  @Test
  void historyRowsCannotBeOverwritten() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      long id = StoreFixtures.addSamples(ws, d.id(), 1, "keep").get(0);
      Db db = WorkspaceTest.dbOf(ws);
      StoreException e =
          assertThrows(
              StoreException.class,
              () -> db.write(c -> c.createStatement().executeUpdate("UPDATE label_history SET text = 'x'")));
      assertTrue(e.getMessage().contains("append-only"), e.getMessage());
      assertEquals("keep0", ws.labels().current(id).orElseThrow().text());
    }
  }

  @Test
  void aBatchWithAMissingSampleStoresNothing() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      long id = StoreFixtures.addSamples(ws, d.id(), 1, "a").get(0);
      assertThrows(
          StoreException.class,
          () ->
              ws.labels()
                  .appendBatch(
                      List.of(
                          new NewLabel(id, "ok", "u", LabelSource.HUMAN),
                          new NewLabel(999_999, "no such sample", "u", LabelSource.HUMAN))));
      assertEquals(1, ws.labels().history(id).size());
    }
  }

  @Test
  void labelSearchFindsSubstringsIncludingChineseAndLiteralWildcards() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 3, "x");
      ws.labels().append(new NewLabel(ids.get(0), "北京欢迎你", "u", LabelSource.HUMAN));
      ws.labels().append(new NewLabel(ids.get(1), "100%_off", "u", LabelSource.HUMAN));
      SampleQuery q = SampleQuery.of(d.id(), 10);
      assertEquals(List.of(ids.get(0)), ws.samples().page(q.withLabelSearch("欢迎")).stream().map(Sample::id).toList());
      assertEquals(List.of(ids.get(1)), ws.samples().page(q.withLabelSearch("%_")).stream().map(Sample::id).toList());
      assertEquals(1, ws.samples().count(q.withLabelSearch("X2")), "case-insensitive for ASCII");
      assertEquals(3, ws.samples().count(q.withLabelSearch(" ")), "a blank search matches all");
    }
  }
}
