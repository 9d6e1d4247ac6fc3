package io.maskocr.engine.pretrain;

/** Plain values the ODM viewer shows: input | predicted clean image | target. */
public final class OdmProbe {
  private OdmProbe() {}

  /**
   * @param channels input channels
   * @param height image height
   * @param width image width
   * @param input styled input {@code (C, H, W)} in [-1, 1]
   * @param predictedInk the head's ink probability per pixel {@code (H, W)} in [0, 1]
   * @param targetInk the clean target after the text controller {@code (H, W)}, 1 = ink
   * @param label the text in the image
   * @param prompt what the head was asked to draw ({@code _} = dropped character)
   */
  public record Result(int channels, int height, int width, float[] input, float[] predictedInk,
      float[] targetInk, String label, String prompt) {

    /** Intersection over union of predicted ink (probability above 0.5) and target ink; 1 when both are empty. */
    public float inkIou() {
      int inter = 0;
      int union = 0;
      for (int i = 0; i < targetInk.length; i++) {
        boolean p = predictedInk[i] > 0.5f;
        boolean t = targetInk[i] > 0.5f;
        inter += p && t ? 1 : 0;
        union += p || t ? 1 : 0;
      }
      return union == 0 ? 1f : (float) inter / union;
    }
  }
}
