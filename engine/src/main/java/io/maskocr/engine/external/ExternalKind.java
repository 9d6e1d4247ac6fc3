package io.maskocr.engine.external;

import java.util.List;
import java.util.Locale;

/**
 * The model families we can read, each with its reference's default settings. Every default
 * ends up written in the model's {@code model.json}, where it can be changed for an export that
 * follows another convention.
 */
public enum ExternalKind {
  /**
   * PaddleOCR's PP-OCR recognizer (v3, v4) as exported to ONNX: BGR, height 48, width from the
   * aspect ratio and at least 320, [-1, 1]; output already a softmax over blank, the dictionary
   * in file order and a space (PaddleOCR's {@code use_space_char}); greedy CTC; confidence the
   * mean of the kept maxima (PaddleOCR's {@code CTCLabelDecode}).
   */
  PPOCR_REC("ppocr-rec", new ModelSettings(
      new ModelSettings.Input("bgr", 48, 320, ModelSettings.Resize.PPOCR,
          new double[] {0.5, 0.5, 0.5}, new double[] {0.5, 0.5, 0.5}),
      new ModelSettings.Output("ctc", false, List.of(ClassTable.BLANK, ClassTable.DICTIONARY, " "), "mean"))),

  /**
   * PARSeq as OnnxTR publishes it: RGB 32x128 keeping the aspect ratio (padded right), the mean
   * and std of its config; output logits [B, T, vocabulary + 1] with the end token after the
   * vocabulary (OnnxTR's {@code list(vocab) + ["<eos>", ...]}); greedy until the end token;
   * confidence the mean of the kept maxima. An export of baudm/parseq itself puts the end token
   * first and stretches to 32x128 with mean and std 0.5: write that in {@code model.json}
   * ({@code --eos first} when adding).
   */
  PARSEQ("parseq", new ModelSettings(
      new ModelSettings.Input("rgb", 32, 128, ModelSettings.Resize.KEEP_ASPECT,
          new double[] {0.694, 0.695, 0.693}, new double[] {0.299, 0.296, 0.301}),
      new ModelSettings.Output("eos", true, List.of(ClassTable.DICTIONARY, ClassTable.EOS), "mean")));

  private final String id;
  private final ModelSettings defaults;

  ExternalKind(String id, ModelSettings defaults) {
    this.id = id;
    this.defaults = defaults;
  }

  /** The name used on the command line and in {@code model.json}. */
  public String id() {
    return id;
  }

  /** The reference's pre- and post-processing. */
  public ModelSettings defaults() {
    return defaults;
  }

  /** baudm/parseq's own export convention: end token first, stretched, mean and std 0.5. */
  public static ModelSettings parseqEosFirst() {
    return new ModelSettings(
        new ModelSettings.Input("rgb", 32, 128, ModelSettings.Resize.STRETCH,
            new double[] {0.5, 0.5, 0.5}, new double[] {0.5, 0.5, 0.5}),
        new ModelSettings.Output("eos", true, List.of(ClassTable.EOS, ClassTable.DICTIONARY), "product"));
  }

  /** Parses {@code ppocr-rec} or {@code parseq}. */
  public static ExternalKind parse(String s) {
    for (ExternalKind k : values()) {
      if (k.id.equals(s.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown model kind '" + s + "': use ppocr-rec or parseq");
  }
}
