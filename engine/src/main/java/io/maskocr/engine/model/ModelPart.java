package io.maskocr.engine.model;

/** The trainable parts of a {@link MaskOcrModel}; stages choose which ones they update. */
public enum ModelPart {
  /** The ViT encoder (patch embedding, positions, blocks). */
  ENCODER("encoder"),
  /** The light MIM pixel decoder (pre-training only). */
  MIM_DECODER("mim"),
  /** The parallel character decoder and classifier. */
  CHAR_DECODER("decoder"),
  /**
   * A linear CTC classifier on the encoder tokens, trained next to the character decoder in
   * fine-tuning: its per-strip loss teaches the encoder where characters are long before the
   * attention decoder finds them alone. Not used for reading.
   */
  CTC_HEAD("ctc"),
  /** Blocks a pre-training stage owns (pixel head, feature merge unit); not in the model. */
  AUXILIARY("aux");

  private final String prefix;

  ModelPart(String prefix) {
    this.prefix = prefix;
  }

  /** Prefix of this part's parameter names ({@code encoder.}, ...). */
  public String prefix() {
    return prefix;
  }
}
