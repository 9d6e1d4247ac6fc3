package io.maskocr.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.train.DataFingerprint;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.SyntheticResolver;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A study run records which labelled subset it trained on, so two fractions' runs differ in their data. */
class StudyResolverFingerprintTest {
  private static LabeledImage img(String id, String label) {
    return new LabeledImage(id, new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), label, null);
  }

  @Test
  void theLabelledSubsetAndTheUnlabelledImagesAreFingerprinted() {
    List<LabeledImage> all = List.of(img("w#1", "a"), img("w#2", "b"), img("w#3", "c"));
    List<LabeledImage> unlabelled = all.stream().map(i -> img(i.id(), null)).toList();
    StudyResolver tenth = new StudyResolver("s", all.subList(0, 1), unlabelled, new WorkspaceDataResolver(null, new SyntheticResolver()));
    StudyResolver whole = new StudyResolver("s", all, unlabelled, new WorkspaceDataResolver(null, new SyntheticResolver()));

    DataFingerprint small = tenth.fingerprint(DataSpec.split("w", "train"));
    assertEquals(1, small.samples());
    assertEquals(1, small.labelled());
    assertNotEquals(small.sha256(), whole.fingerprint(DataSpec.split("w", "train")).sha256());
    DataFingerprint images = whole.fingerprint(DataSpec.split("w", "all"));
    assertEquals(3, images.samples());
    assertEquals(0, images.labelled(), "labels are removed from the MIM share");
    assertEquals(images, tenth.fingerprint(DataSpec.split("w", "all")));
    assertEquals(64, whole.fingerprint(DataSpec.synthetic()).rendererConfigHash().length(), "others go to the fallback");
  }
}
