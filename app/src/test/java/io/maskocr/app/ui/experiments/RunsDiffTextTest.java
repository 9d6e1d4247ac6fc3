package io.maskocr.app.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsDiffTextTest {
  private static RunRow row(long id, long seed, String prov) {
    return RunRow.of(new RunRecord(id, "r" + id, "{\"seed\":" + seed + ",\"init\":\"starter\"}", seed, prov, "abc",
        "m", RunStatus.COMPLETED, Instant.EPOCH, null, null, List.of(), ""), "r", "tiny", List.of());
  }

  @Test
  void theRunsViewShowsEveryAspectEitherSameOrWithItsDifferences() {
    String prov = "{\"sources\":[{\"stage\":0,\"stageType\":\"finetune\",\"source\":0,\"kind\":\"split\","
        + "\"dataset\":\"words\",\"split\":\"train\",\"samples\":10,\"fingerprint\":\"f1\"}]}";
    String text = RunsViewModel.diff(row(1, 3, prov), row(2, 4, prov.replace("f1", "f2")));
    assertEquals("""
        Run 1 (A) → run 2 (B): 2 differences
        Same: recipe, code, machine, init

        Data (1):
          stage 0 finetune, source 0 split words/train: fingerprint: f1 vs f2

        Seed (1):
          seed: 3 vs 4
        """, text);
  }

  @Test
  void compareListsTheFirstRunAgainstEachOther() {
    String prov = "{}";
    String text = RunsViewModel.diffsFromFirst(List.of(row(1, 3, prov), row(2, 3, prov), row(3, 5, prov)));
    assertEquals(2, text.split("Run 1 \\(A\\)", -1).length - 1, text);
    assertTrue(text.contains("Run 1 (A) → run 2 (B): nothing differs"), text);
    assertTrue(text.contains("Run 1 (A) → run 3 (B): 1 difference") && text.contains("seed: 3 vs 5"), text);
    assertEquals("", RunsViewModel.diffsFromFirst(List.of(row(1, 3, prov))));
  }
}
