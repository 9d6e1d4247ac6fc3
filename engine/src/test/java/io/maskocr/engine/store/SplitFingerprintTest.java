package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class SplitFingerprintTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void countsTheSplitAndChangesWhenAnyLabelChanges() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      long d = ws.datasets().getOrCreate("words").id();
      List<Long> ids = StoreFixtures.addSamples(ws, d, 5, "w");
      ws.samples().setSplit(List.of(ids.get(4)), Split.VAL);
      SplitFingerprint train = ws.samples().fingerprint(d, Split.TRAIN);
      assertEquals(4, train.samples());
      assertEquals(4, train.labelled());
      assertEquals(5, ws.samples().fingerprint(d, null).samples(), "null = every split");
      assertEquals(train, ws.samples().fingerprint(d, Split.TRAIN), "same data, same fingerprint");

      // the same text written again is a new history entry: what training read may differ in who/when
      ws.labels().append(new NewLabel(ids.get(1), "w1", "me", LabelSource.HUMAN));
      SplitFingerprint relabelled = ws.samples().fingerprint(d, Split.TRAIN);
      assertNotEquals(train.sha256(), relabelled.sha256());
      assertEquals(4, relabelled.samples());

      ws.labels().append(new NewLabel(ids.get(2), "", "me", LabelSource.HUMAN, LabelKind.ILLEGIBLE));
      SplitFingerprint illegible = ws.samples().fingerprint(d, Split.TRAIN);
      assertEquals(3, illegible.labelled(), "an illegible sample is no longer labelled");
      assertNotEquals(relabelled.sha256(), illegible.sha256());

      SplitFingerprint val = ws.samples().fingerprint(d, Split.VAL);
      ws.labels().append(new NewLabel(ids.get(3), "x", "me", LabelSource.HUMAN));
      assertEquals(val, ws.samples().fingerprint(d, Split.VAL), "a label in another split changes nothing here");
    }
  }

  @Test
  void anEmptySplitHasTheHashOfNothing() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      long d = ws.datasets().getOrCreate("empty").id();
      assertEquals(new SplitFingerprint(0, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
          ws.samples().fingerprint(d, Split.TEST));
    }
  }
}
