package io.maskocr.engine.pretrain;

/**
 * Turns text into a pseudo-visual token sequence: what an encoder would output for an image
 * showing that text, without any image. DPTR pre-trains the decoder on such sequences. The
 * built-in implementation is {@link GlyphFeatureEmbedder}; a user-supplied text tower (e.g. a
 * CLIP text encoder exported to ONNX, projected to D) may implement the same interface.
 *
 * <p>Implementations must be deterministic and safe to call from a prefetch thread.
 */
public interface TextEmbedder {
  /** Tokens N of every sequence (the encoder's patch count). */
  int tokens();

  /** Width D of every token (the encoder width). */
  int width();

  /** The sequence of {@code text}: {@code (N, D)} row-major, a fresh array. */
  float[] embed(String text);

  /** Provenance line. */
  String describe();
}
