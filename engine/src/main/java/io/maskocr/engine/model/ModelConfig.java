package io.maskocr.engine.model;

/**
 * Every architectural choice of a MaskOCR model, as one immutable value stored with each run
 * and checkpoint. Build one from a preset with {@link ModelPresets#get(String, java.util.Map)}.
 *
 * @param preset name of the preset this config came from (informational)
 * @param imageHeight input height in pixels (default 32)
 * @param imageWidth input width in pixels (default 128)
 * @param channels 1 (grayscale) or 3 (RGB)
 * @param patchHeight patch height; 32x4 vertical strips by default so a masked strip hides
 *     part of a character
 * @param patchWidth patch width
 * @param width encoder embedding width D
 * @param depth number of encoder blocks
 * @param heads encoder attention heads (D must be divisible by it)
 * @param mlpRatio hidden width of the MLPs as a multiple of D
 * @param decoderDepth character decoder layers
 * @param decoderHeads character decoder attention heads
 * @param mimWidth width of the light MIM decoder
 * @param mimDepth blocks in the light MIM decoder
 * @param mimHeads heads in the light MIM decoder
 * @param maxLength longest label in characters; the decoder has maxLength + 1 queries (end token)
 * @param charset charset spec: {@code latin36}, {@code latin94} or a path to a charset file
 * @param device {@code cpu} or {@code gpu} / {@code gpu0}...
 * @param stem how pixels become tokens: {@code linear} (one linear projection per patch, as in
 *     ViT and MaskOCR) or {@code conv} (a small convolutional stem over the whole image, one
 *     token per patch position; learns far faster from little data, see {@link ConvStem}) or
 *     {@code conv-strided} (the same with strided convolutions: cheaper on a CPU)
 */
public record ModelConfig(
    String preset,
    int imageHeight,
    int imageWidth,
    int channels,
    int patchHeight,
    int patchWidth,
    int width,
    int depth,
    int heads,
    int mlpRatio,
    int decoderDepth,
    int decoderHeads,
    int mimWidth,
    int mimDepth,
    int mimHeads,
    int maxLength,
    String charset,
    String device,
    String stem) {

  /** Stem names accepted in {@code stem}. */
  public static final java.util.List<String> STEMS = java.util.List.of("linear", "conv", "conv-strided");

  /** Validates every dimension; messages name the offending numbers. */
  public ModelConfig {
    positive("imageHeight", imageHeight);
    positive("imageWidth", imageWidth);
    positive("patchHeight", patchHeight);
    positive("patchWidth", patchWidth);
    positive("width", width);
    positive("depth", depth);
    positive("heads", heads);
    positive("mlpRatio", mlpRatio);
    positive("decoderDepth", decoderDepth);
    positive("decoderHeads", decoderHeads);
    positive("mimWidth", mimWidth);
    positive("mimDepth", mimDepth);
    positive("mimHeads", mimHeads);
    positive("maxLength", maxLength);
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if (imageHeight % patchHeight != 0 || imageWidth % patchWidth != 0) {
      throw new IllegalArgumentException(
          "image " + imageHeight + "x" + imageWidth + " is not divisible into patches of "
              + patchHeight + "x" + patchWidth);
    }
    divisible("width", width, "heads", heads);
    divisible("width", width, "decoderHeads", decoderHeads);
    divisible("mimWidth", mimWidth, "mimHeads", mimHeads);
    if (charset == null || charset.isBlank()) {
      throw new IllegalArgumentException("charset must name latin36, latin94 or a charset file");
    }
    if (device == null || device.isBlank()) {
      device = "cpu";
    }
    if (stem == null || stem.isBlank()) {
      stem = "linear"; // checkpoints saved before the setting existed
    }
    if (!STEMS.contains(stem)) {
      throw new IllegalArgumentException("stem must be one of " + STEMS + ", got '" + stem + "'");
    }
    if (!stem.equals("linear")) {
      ConvStem.checkGeometry(patchHeight, patchWidth);
    }
    if (preset == null) {
      preset = "custom";
    }
  }

  /** The same model on another device ({@code cpu}, {@code gpu}...). */
  public ModelConfig onDevice(String other) {
    return new ModelConfig(preset, imageHeight, imageWidth, channels, patchHeight, patchWidth, width, depth, heads,
        mlpRatio, decoderDepth, decoderHeads, mimWidth, mimDepth, mimHeads, maxLength, charset, other, stem);
  }

  /** Whether tokens come from the convolutional stem. */
  public boolean convStem() {
    return "conv".equals(stem) || stridedStem();
  }

  /** Whether the convolutional stem is the strided layout. */
  public boolean stridedStem() {
    return "conv-strided".equals(stem);
  }

  /** Number of patches N = (H / ph) * (W / pw). */
  public int patchCount() {
    return (imageHeight / patchHeight) * (imageWidth / patchWidth);
  }

  /** Patches per row of the patch grid. */
  public int gridWidth() {
    return imageWidth / patchWidth;
  }

  /** Rows of the patch grid. */
  public int gridHeight() {
    return imageHeight / patchHeight;
  }

  /** Length P of a flattened patch vector = channels * ph * pw. */
  public int patchSize() {
    return channels * patchHeight * patchWidth;
  }

  /** Decoder queries T = maxLength + 1 (room for the end token). */
  public int queryCount() {
    return maxLength + 1;
  }

  /** Pixels of one preprocessed image = channels * H * W. */
  public int pixelCount() {
    return channels * imageHeight * imageWidth;
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static void divisible(String a, int av, String b, int bv) {
    if (av % bv != 0) {
      throw new IllegalArgumentException(
          a + " (" + av + ") is not divisible by " + b + " (" + bv + ")");
    }
  }
}
