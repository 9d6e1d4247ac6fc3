package io.maskocr.engine.pretrain;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The {@link TextController}'s work on one rendered word: what ODM's pixel head is prompted with
 * and the clean target it must draw. A dropped character is left out of the prompt; a noised one
 * is replaced by another symbol; both are erased from the target. The odm stage and the Learn
 * walk-through build their prompts here, so both show the same thing.
 *
 * @param promptIds token id per label character, 0 (the end token's id) = nothing asked
 * @param prompt the prompt as text ({@code _} = dropped, another symbol = noised)
 * @param targetInk {@code (H, W)} clean ink with the dropped and noised characters erased
 * @param actions what the controller did per character
 */
public record ControlledText(int[] promptIds, String prompt, float[] targetInk, TextController.Action[] actions) {

  /**
   * Applies {@code actions} (one per label character) to {@code item}; noised characters take a
   * symbol drawn from {@code r}, always another than the true one.
   */
  public static ControlledText of(SyntheticText.Item item, TextController.Action[] actions, CharacterSet charset,
      ModelConfig model, SplittableRandom r) {
    int[] ids = charset.encode(item.sample().label());
    if (actions.length != ids.length - 1) {
      throw new IllegalArgumentException("the controller chose " + actions.length + " actions for the "
          + (ids.length - 1) + " characters of '" + item.sample().label() + "'");
    }
    float[] ink = item.cleanInk().clone();
    int[] prompt = new int[actions.length];
    StringBuilder shown = new StringBuilder();
    for (int pos = 0; pos < actions.length; pos++) {
      switch (actions[pos]) {
        case KEEP -> prompt[pos] = ids[pos];
        case DROP -> erase(ink, item.boxes(), pos, model);
        case NOISE -> {
          // ids 1..size are the symbols: shift by 1..size-1 places, so never the true one
          prompt[pos] = 1 + (ids[pos] - 1 + 1 + r.nextInt(Math.max(1, charset.size() - 1))) % charset.size();
          erase(ink, item.boxes(), pos, model);
        }
      }
      shown.append(prompt[pos] == 0 ? "_" : charset.symbol(prompt[pos]));
    }
    return new ControlledText(prompt, shown.toString(), ink, actions);
  }

  /** Erases the ink inside box {@code c} (4 floats per box: x0, x1, y0, y1). */
  private static void erase(float[] ink, float[] boxes, int c, ModelConfig model) {
    int w = model.imageWidth();
    int x0 = Math.max(0, (int) Math.floor(boxes[4 * c]));
    int x1 = Math.min(w, (int) Math.ceil(boxes[4 * c + 1]));
    int y0 = Math.max(0, (int) Math.floor(boxes[4 * c + 2]));
    int y1 = Math.min(model.imageHeight(), (int) Math.ceil(boxes[4 * c + 3]));
    for (int y = y0; y < y1; y++) {
      Arrays.fill(ink, y * w + x0, y * w + Math.max(x0, x1), 0f);
    }
  }
}
