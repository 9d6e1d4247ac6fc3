package io.maskocr.viewers.pretrain;

import io.maskocr.engine.pretrain.OdmProbe;

/** Numbers the ODM view prints under its images. */
public final class OdmScores {
  private OdmScores() {}

  /** Intersection over union of predicted ink (probability above 0.5) and target ink; 1 when both are empty. */
  public static float inkIou(OdmProbe.Result r) {
    int inter = 0;
    int union = 0;
    for (int i = 0; i < r.targetInk().length; i++) {
      boolean p = r.predictedInk()[i] > 0.5f;
      boolean t = r.targetInk()[i] > 0.5f;
      inter += p && t ? 1 : 0;
      union += p || t ? 1 : 0;
    }
    return union == 0 ? 1f : (float) inter / union;
  }
}
