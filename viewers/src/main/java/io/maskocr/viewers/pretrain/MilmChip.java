package io.maskocr.viewers.pretrain;

import io.maskocr.engine.pretrain.MilmProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one chip of the MILM view shows: the true symbol (marked when its strips were hidden)
 * over the decoder's best guess with its probability, and the top three in a tooltip.
 *
 * @param truth true symbol, {@code ⏎} for the end of the text
 * @param hidden the character's strips were erased
 * @param guess best guess, {@code ⏎} for the end
 * @param probability of the best guess
 * @param correct guess equals truth
 * @param alternatives the top three as {@code "a 81%, o 9%, e 3%"}
 */
public record MilmChip(String truth, boolean hidden, String guess, float probability, boolean correct,
    String alternatives) {
  private static final String END = "\u23CE";

  /** One chip per label position plus the end position. */
  public static List<MilmChip> of(MilmProbe.Result result) {
    List<MilmChip> out = new ArrayList<>();
    for (MilmProbe.Position p : result.positions()) {
      List<String> alt = new ArrayList<>();
      for (int k = 0; k < p.guesses().length && p.guesses()[k] != null; k++) {
        alt.add(show(p.guesses()[k]) + " " + percent(p.probabilities()[k]));
      }
      out.add(new MilmChip(show(p.truth()), p.hidden(), show(p.guesses()[0]), p.probabilities()[0], p.correct(),
          String.join(", ", alt)));
    }
    return out;
  }

  /** Share of hidden characters the decoder named right (NaN when none was hidden). */
  public static double hiddenAccuracy(List<MilmChip> chips) {
    long hidden = chips.stream().filter(MilmChip::hidden).count();
    long right = chips.stream().filter(c -> c.hidden() && c.correct()).count();
    return hidden == 0 ? Double.NaN : (double) right / hidden;
  }

  static String percent(float p) {
    return String.format(Locale.ROOT, "%.0f%%", p * 100);
  }

  private static String show(String s) {
    return s == null || s.isEmpty() ? END : s;
  }
}
