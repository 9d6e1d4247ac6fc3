package io.maskocr.engine.learn;

import io.maskocr.engine.pretrain.OdmProbe;
import io.maskocr.engine.pretrain.TextController;

/**
 * The clean-target idea of ODM on one word: a styled rendering, the renderer's clean target
 * (same text and layout, one plain font, black on white), the target after the text
 * controller dropped or noised some characters, and what the model's pixel head draws.
 *
 * @param channels input channels C
 * @param height image height H
 * @param width image width W
 * @param styled {@code (C, H, W)} styled input in [-1, 1]
 * @param cleanInk {@code (H, W)} clean target, 1 = ink
 * @param controlledInk {@code (H, W)} target after the controller (dropped/noised characters erased)
 * @param text the word
 * @param prompt what the model is told to draw ({@code _} = dropped, another letter = noised)
 * @param actions per character what the controller did
 * @param drawing the pixel head's prediction for this prompt (its {@code predictedInk}), or null
 *     when the model was not loaded from a checkpoint folder
 * @param drawnBy where that head comes from (trained in the run's odm stage, or fitted now), for the UI
 */
public record OdmView(int channels, int height, int width, float[] styled, float[] cleanInk, float[] controlledInk,
    String text, String prompt, TextController.Action[] actions, OdmProbe.Result drawing, String drawnBy) {

  /** Ink pixels (value above 0.5) of a plane. */
  public static int inkPixels(float[] plane) {
    int n = 0;
    for (float v : plane) {
      n += v > 0.5f ? 1 : 0;
    }
    return n;
  }

  /** Characters the controller changed (dropped or noised). */
  public int affected() {
    int n = 0;
    for (TextController.Action a : actions) {
      n += a == TextController.Action.KEEP ? 0 : 1;
    }
    return n;
  }
}
