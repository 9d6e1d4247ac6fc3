package io.maskocr.engine.external;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How an external model's input is made and its output read, stored in {@code model.json} so
 * that nothing about a family's convention is implicit in code.
 *
 * @param input pre-processing
 * @param output decoding
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSettings(Input input, Output output) {

  /** Resize rules. */
  public enum Resize {
    /**
     * PaddleOCR's {@code resize_norm_img}: height {@code height}, tensor width
     * {@code int(height * max(width / height, w / h))}, the crop resized to
     * {@code min(W, ceil(height * w / h))} and placed at the left of a zero tensor.
     */
    PPOCR,
    /** Fit inside {@code height x width} keeping the aspect ratio, padded on the right (docTR/OnnxTR). */
    KEEP_ASPECT,
    /** Stretched to exactly {@code height x width} (baudm/parseq's own transform). */
    STRETCH
  }

  /**
   * @param channels {@code bgr} (PaddleOCR reads with cv2) or {@code rgb}
   * @param height tensor height
   * @param width tensor width (for {@link Resize#PPOCR} the minimum width)
   * @param resize how a crop is fitted
   * @param mean per channel, subtracted after scaling pixels to [0, 1]
   * @param std per channel, divided after subtracting the mean
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Input(String channels, int height, int width, Resize resize, double[] mean, double[] std) {
    public Input {
      if (!"bgr".equals(channels) && !"rgb".equals(channels)) {
        throw new IllegalArgumentException("input channels must be bgr or rgb, got " + channels);
      }
      if (height < 1 || width < 1 || mean == null || std == null || mean.length != 3 || std.length != 3) {
        throw new IllegalArgumentException("input needs height, width >= 1 and 3 means and 3 stds");
      }
    }

    boolean bgr() {
      return "bgr".equals(channels);
    }
  }

  /**
   * @param decoding {@code ctc} (greedy, repeats merged, blanks dropped) or {@code eos} (greedy
   *     until the end token)
   * @param softmax whether the output holds logits that need a softmax (false: already
   *     probabilities, as PP-OCR's export)
   * @param classes the output classes in order: {@code <blank>}, {@code <eos>} and
   *     {@code <dictionary>} (every line of the keys file, in file order), or a literal symbol
   *     (PP-OCR appends a space)
   * @param confidence {@code mean} of the kept maxima (PaddleOCR, OnnxTR) or {@code product}
   *     (with the end token's probability; baudm/parseq and our own recognizer)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Output(String decoding, boolean softmax, List<String> classes, String confidence) {
    public Output {
      if (!"ctc".equals(decoding) && !"eos".equals(decoding)) {
        throw new IllegalArgumentException("output decoding must be ctc or eos, got " + decoding);
      }
      if (!"mean".equals(confidence) && !"product".equals(confidence)) {
        throw new IllegalArgumentException("output confidence must be mean or product, got " + confidence);
      }
      classes = List.copyOf(classes);
      String special = "ctc".equals(decoding) ? ClassTable.BLANK : ClassTable.EOS;
      if (classes.stream().filter(special::equals).count() != 1 || !classes.contains(ClassTable.DICTIONARY)) {
        throw new IllegalArgumentException("output classes of " + decoding + " decoding need one " + special
            + " and one " + ClassTable.DICTIONARY + ", got " + classes);
      }
    }
  }
}
