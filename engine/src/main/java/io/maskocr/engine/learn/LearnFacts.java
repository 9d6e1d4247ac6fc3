package io.maskocr.engine.learn;

import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.model.ConvStem;
import io.maskocr.engine.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-line "real numbers" of each Learn step, computed from the model's config and the
 * values the model produced, so nothing on screen is a hard-coded example.
 */
public final class LearnFacts {
  private LearnFacts() {}

  /** Patch heights (or widths) that divide {@code size} evenly, smallest first, at least {@code min}. */
  public static List<Integer> divisors(int size, int min) {
    List<Integer> out = new ArrayList<>();
    for (int d = Math.max(1, min); d <= size; d++) {
      if (size % d == 0) {
        out.add(d);
      }
    }
    return out;
  }

  /** {@code config} with another patch shape (image size and everything else unchanged). */
  public static ModelConfig withPatch(ModelConfig c, int ph, int pw) {
    return new ModelConfig(c.preset(), c.imageHeight(), c.imageWidth(), c.channels(), ph, pw, c.width(), c.depth(),
        c.heads(), c.mlpRatio(), c.decoderDepth(), c.decoderHeads(), c.mimWidth(), c.mimDepth(), c.mimHeads(),
        c.maxLength(), c.charset(), c.device(), ConvStem.fits(ph, pw) ? c.stem() : "linear");
  }

  /** Step 1: how the input is cut, for patch shape {@code shown} of a model configured as {@code model}. */
  public static String patches(ModelConfig model, ModelConfig shown) {
    return String.format(Locale.ROOT,
        "%dx%d input -> %d patches of %dx%d (%d row%s x %d columns); each patch is %d numbers "
            + "(%d channel x %d x %d), so the encoder input is (1, %d, %d) and the patch embedding makes (1, %d, %d).%s",
        shown.imageHeight(), shown.imageWidth(), shown.patchCount(), shown.patchHeight(), shown.patchWidth(),
        shown.gridHeight(), shown.gridHeight() == 1 ? "" : "s", shown.gridWidth(), shown.patchSize(),
        shown.channels(), shown.patchHeight(), shown.patchWidth(), shown.patchCount(), shown.patchSize(),
        shown.patchCount(), shown.width(),
        shown.patchHeight() == model.patchHeight() && shown.patchWidth() == model.patchWidth()
            ? " This is the trained model's own patch shape."
            : String.format(Locale.ROOT, " (The trained model uses %dx%d: %d patches.)", model.patchHeight(),
                model.patchWidth(), model.patchCount()));
  }

  /** Step 2: how many patches a ratio hides and what the encoder then sees. */
  public static String masking(ModelConfig c, double ratio, int masked) {
    int visible = c.patchCount() - masked;
    return String.format(Locale.ROOT,
        "%d patches of %dx%d, %.0f%% masked -> %d hidden, %d visible: the encoder gets only the visible ones, "
            + "(1, %d, %d), and turns them into (1, %d, %d).",
        c.patchCount(), c.patchHeight(), c.patchWidth(), ratio * 100, masked, visible, visible, c.patchSize(),
        visible, c.width());
  }

  /** Step 3: shapes through the encoder and the light MIM decoder, and the loss. */
  public static String reconstruction(ModelConfig c, Reconstruction r) {
    int hidden = r.maskedCount();
    int visible = r.masked().length - hidden;
    return String.format(Locale.ROOT,
        "Encoder: (1, %d, %d) -> (1, %d, %d) through %d blocks. MIM decoder (width %d, %d block%s) fills in "
            + "the %d hidden positions and predicts every patch: (1, %d, %d). Loss on the hidden patches: %.4f.",
        visible, c.patchSize(), visible, c.width(), c.depth(), c.mimWidth(), c.mimDepth(),
        c.mimDepth() == 1 ? "" : "s", hidden, r.masked().length, c.patchSize(), r.loss());
  }

  /** Step 4: what the renderer hands to training. */
  public static String rendered(ModelConfig c, String text, int boxes, int width, int height) {
    return String.format(Locale.ROOT,
        "“%s” drawn at %dx%d (the model input is %dx%d) with %d character box%s: each box says which patch "
            + "columns a character covers (%d-pixel strips).",
        text, width, height, c.imageWidth(), c.imageHeight(), boxes, boxes == 1 ? "" : "es", c.patchWidth());
  }

  /** Step 5: what MILM hid and what the decoder predicted. */
  public static String milm(ModelConfig c, MilmView v, int vocabulary) {
    String hidden = v.hiddenCharacters().length == 0
        ? "no character boxes for this image, so " + v.hiddenPatchCount() + " random strips"
        : String.format(Locale.ROOT, "%d of %d characters hidden -> %d of %d strips erased",
            v.hiddenCharacterCount(), v.hiddenCharacters().length, v.hiddenPatchCount(), c.patchCount());
    String recovered = v.hiddenCharactersRecovered() < 0 ? ""
        : String.format(Locale.ROOT, " It named %d of the %d hidden characters correctly.",
            v.hiddenCharactersRecovered(), v.hiddenCharacterCount());
    return String.format(Locale.ROOT,
        "%s. The decoder's %d character queries each score %d tokens: logits (1, %d, %d); it reads “%s”.%s",
        hidden, c.queryCount(), vocabulary, c.queryCount(), vocabulary, v.reading().text(), recovered);
  }

  /** Step 6: attention shapes. */
  public static String attention(ModelConfig c, AttentionInspection a, int selected) {
    int k = Math.max(0, Math.min(a.characters().size() - 1, selected));
    double sum = 0;
    int peak = 0;
    if (!a.characters().isEmpty()) {
      for (int i = 0; i < a.attention()[k].length; i++) {
        sum += a.attention()[k][i];
        if (a.attention()[k][i] > a.attention()[k][peak]) {
          peak = i;
        }
      }
    }
    String row = a.characters().isEmpty() ? "the model read no characters"
        : String.format(Locale.ROOT, "query %d (“%s”) spreads weight %.3f over the patches, most on patch %d "
            + "(pixels %d-%d)", k + 1, a.characters().get(k).symbol(), sum, peak + 1,
            (peak % c.gridWidth()) * c.patchWidth(), (peak % c.gridWidth() + 1) * c.patchWidth() - 1);
    return String.format(Locale.ROOT,
        "%d queries (up to %d characters + end) x %d patches: cross-attention (1, %d, %d) from the last of "
            + "%d decoder layers, averaged over %d heads. Read “%s” (%d characters); %s.",
        c.queryCount(), c.maxLength(), c.patchCount(), c.queryCount(), c.patchCount(), c.decoderDepth(),
        c.decoderHeads(), a.text(), a.characters().size(), row);
  }

  /** Step 7: how the sequence confidence is made. */
  public static String confidence(AttentionInspection a) {
    StringBuilder product = new StringBuilder();
    for (int i = 0; i < a.characters().size() && i < 8; i++) {
      product.append(i == 0 ? "" : " x ").append(String.format(Locale.ROOT, "%.2f", a.characters().get(i).probability()));
    }
    if (a.characters().size() > 8) {
      product.append(" x …");
    }
    return String.format(Locale.ROOT,
        "“%s”: confidence = product of %d character probabilities and the end token's = %s%s = %.3f.",
        a.text(), a.characters().size(), product, a.characters().isEmpty() ? "P(end)" : " x P(end)", a.confidence());
  }

  /** Step 7: what a threshold does over a survey. */
  public static String threshold(ConfidenceSurvey s, double threshold) {
    ConfidenceSurvey.Split sp = s.split(threshold);
    return String.format(Locale.ROOT,
        "Threshold %.2f over %d bundled samples (accuracy %.0f%%): %d go to annotators and hold %d of the %d "
            + "wrong readings; %d %s accepted, %d of them wrong.",
        threshold, s.items().size(), s.accuracy() * 100, sp.toAnnotators(), sp.errorsCaught(), sp.errors(),
        sp.accepted(), sp.accepted() == 1 ? "is" : "are", sp.errorsAccepted());
  }

  /** Step 8: the clean target and the text controller. */
  public static String odm(OdmView v) {
    int plane = v.height() * v.width();
    int ink = OdmView.inkPixels(v.cleanInk());
    return String.format(Locale.ROOT,
        "Clean target (%d, %d), 1 = ink: %d ink pixels (%.0f%%). The text controller changed %d of %d characters "
            + "(prompt “%s”), leaving %d ink pixels to draw.",
        v.height(), v.width(), ink, 100.0 * ink / plane, v.affected(), v.actions().length, v.prompt(),
        OdmView.inkPixels(v.controlledInk()))
        + (v.drawing() == null ? "" : String.format(Locale.ROOT,
            " The pixel head drew %d ink pixels; overlap with the target (intersection over union) %.0f%%.",
            OdmView.inkPixels(v.drawing().predictedInk()), 100.0 * v.drawing().inkIou()));
  }
}
