package io.maskocr.engine.infer;

import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.Recipe;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A second look at doubtful readings: a crop read with less than {@value #DOUBT} confidence per
 * character (the geometric mean over its characters and the end) is read again as other pictures
 * ({@link LookViews}), and the pictures vote: each reading adds the square of its confidence per
 * character to its text, and the text with the most wins ({@link #vote}). A text that several
 * pictures read beats one picture's lucky reading. The pictures:
 *
 * <ul>
 *   <li>deskewed, as if its word ran at +-5, +-10 and +-15 degrees: a word photographed at a slant sits
 *       in an upright box with background above and below its ends, and squeezed into the
 *       model's 32x128 input it is thin and tilted, unlike the level words the model learned on;
 *   <li>loosened: a box drawn tight to the ink, or cutting into it;
 *   <li>inverted: light letters on a dark ground;
 *   <li>for a model trained on synthetic words alone (the starter), contrast-stretched: real
 *       photos are hazier than its words. A model fine-tuned on real crops reads them worse.
 * </ul>
 *
 * <p>Measured on real crops (docs/results.md): the rule (pictures, doubt, vote) was chosen with
 * the starter on the 5,377 train crops, which it never trained on, and then read the 1,347 dev
 * crops. A reading from another picture has no attention map here: its attention is over that
 * picture (Annotate's attention view shows it).
 */
public final class SecondLook {
  /**
   * Readings less confident than this per character get a second look. Per character, because
   * with label smoothing a well-read long word still scores low as a whole (0.9 per character:
   * 0.43 for seven letters).
   */
  public static final double DOUBT = 0.85;

  /** A reading's vote is its confidence per character to this power: sure readings count for more. */
  static final int VOTE_POWER = 2;

  /** The slants tried, in degrees (positive: the word rises to the right). */
  private static final double[] SLANTS = {5, -5, 10, -10, 15, -15};

  /** The switch: {@code -Dmaskocr.secondLook=off} or {@code MASKOCR_SECOND_LOOK=off} reads each crop once (and turned). */
  public static final String PROPERTY = "maskocr.secondLook";

  /** For a model that learned on real crops too (or whose data is not known). */
  public static final SecondLook DEFAULT = new SecondLook(false);

  /** For a model trained on synthetic words alone, such as the starter. */
  public static final SecondLook SYNTHETIC_ONLY = new SecondLook(true);

  private final boolean stretch;

  private SecondLook(boolean stretch) {
    this.stretch = stretch;
  }

  /**
   * The second look for a checkpoint trained by {@code recipe}: {@link #SYNTHETIC_ONLY} when every
   * stage read synthetic words only and it started from random weights or the starter (itself
   * trained on synthetic words only); else {@link #DEFAULT}.
   */
  public static SecondLook forRecipe(Recipe recipe) {
    if (recipe == null || !(recipe.init() == null || "starter".equals(recipe.init()))) {
      return DEFAULT;
    }
    boolean synthetic = recipe.stages().stream()
        .allMatch(s -> s.data() != null && !s.data().isEmpty()
            && s.data().stream().map(DataSpec::kind).allMatch("synthetic"::equals));
    return synthetic ? SYNTHETIC_ONLY : DEFAULT;
  }

  /** Whether doubtful readings get a second look (on unless switched off, see {@link #PROPERTY}). */
  public static boolean enabled() {
    String v = System.getProperty(PROPERTY);
    if (v == null) {
      v = System.getenv("MASKOCR_SECOND_LOOK");
    }
    return v == null || !(v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0"));
  }

  /** How crops are read, for reports: so a figure says what produced it. */
  public String describe() {
    return "as given; taller than wide also turned a quarter each way (kept at " + TurnedReading.MARGIN
        + "x the confidence)" + (enabled()
            ? "; readings below " + DOUBT + " confidence per character read again deskewed at +-5, +-10 and +-15 degrees"
                + ", loosened, inverted" + (stretch ? " and contrast-stretched (a model trained on synthetic words only)" : "")
                + ", the pictures voting (confidence per character squared, summed per text)"
            : "; no second look");
  }

  /**
   * Reads the given pictures as given and turned ({@link TurnedReading}), then gives doubtful
   * readings a second look; {@code read} reads pictures as they are, one prediction each, in order.
   */
  public List<Prediction> read(List<BufferedImage> images, Function<List<BufferedImage>, List<Prediction>> read) {
    TurnedReading plan = TurnedReading.of(images);
    return improve(images, plan.choose(read.apply(plan.images())), read);
  }

  /** {@code first} (one reading per image) with each doubtful reading replaced where the pictures vote for another text. */
  public List<Prediction> improve(
      List<BufferedImage> images, List<Prediction> first, Function<List<BufferedImage>, List<Prediction>> read) {
    if (!enabled()) {
      return first;
    }
    List<BufferedImage> views = new ArrayList<>();
    List<int[]> spans = new ArrayList<>(); // per image: {index, first view, view count}
    for (int i = 0; i < images.size(); i++) {
      if (doubtful(first.get(i))) {
        List<BufferedImage> mine = views(images.get(i));
        if (!mine.isEmpty()) {
          spans.add(new int[] {i, views.size(), mine.size()});
          views.addAll(mine);
        }
      }
    }
    if (views.isEmpty()) {
      return first;
    }
    List<Prediction> again = read.apply(views);
    List<Prediction> out = new ArrayList<>(first);
    for (int[] s : spans) {
      Prediction chosen = vote(first.get(s[0]), again.subList(s[1], s[1] + s[2]), Prediction::text, Prediction::confidence);
      if (chosen != first.get(s[0])) {
        out.set(s[0], new Prediction(chosen.text(), chosen.charProbabilities(), chosen.confidence(),
            new float[0][0], chosen.checkpoint()));
      }
    }
    return out;
  }

  /**
   * The pictures of a doubtful crop read again: deskewed (none for a crop taller than wide, which
   * is read turned instead), loosened, for a synthetic-only model contrast-stretched, and inverted.
   */
  public List<BufferedImage> views(BufferedImage image) {
    List<BufferedImage> out = new ArrayList<>();
    for (double slant : SLANTS) {
      BufferedImage v = LookViews.deskewed(image, slant);
      if (v != null) {
        out.add(v);
      }
    }
    out.add(LookViews.loosened(image));
    if (stretch) {
      out.add(LookViews.stretched(image));
    }
    out.add(LookViews.inverted(image));
    return out;
  }

  /** Whether {@code reading} gets a second look (never when switched off). */
  public static boolean doubtful(Prediction reading) {
    return doubtful(reading.text(), reading.confidence());
  }

  /**
   * Whether a reading of {@code text} at sequence confidence {@code confidence} (the product over its
   * characters and the end) gets a second look (never when switched off).
   */
  public static boolean doubtful(String text, double confidence) {
    return perCharacter(text, confidence) < DOUBT && enabled();
  }

  /** The confidence per character of a reading: the geometric mean over its characters and the end. */
  private static double perCharacter(String text, double confidence) {
    int factors = text.codePointCount(0, text.length()) + 1;
    return Math.pow(Math.max(0, confidence), 1.0 / factors);
  }

  /**
   * The pictures' vote over {@code first} and {@code others}: each reading adds its confidence per
   * character to the power {@value #VOTE_POWER} to its text. Returns {@code first} when its text
   * wins (ties included), else the most confident reading of the winning text.
   */
  public static <T> T vote(T first, List<T> others, Function<T, String> text, ToDoubleFunction<T> confidence) {
    Map<String, Double> votes = new LinkedHashMap<>(); // in order: a tie goes to the earlier picture
    Map<String, T> surest = new HashMap<>();
    for (T r : others) {
      String t = text.apply(r);
      votes.merge(t, weight(t, confidence.applyAsDouble(r)), Double::sum);
      surest.merge(t, r, (a, b) -> confidence.applyAsDouble(b) > confidence.applyAsDouble(a) ? b : a);
    }
    String mine = text.apply(first);
    double bar = votes.getOrDefault(mine, 0.0) + weight(mine, confidence.applyAsDouble(first));
    T chosen = first;
    for (Map.Entry<String, Double> e : votes.entrySet()) {
      if (!e.getKey().equals(mine) && e.getValue() > bar) {
        bar = e.getValue();
        chosen = surest.get(e.getKey());
      }
    }
    return chosen;
  }

  /** One reading's vote for its text. */
  private static double weight(String text, double confidence) {
    return Math.pow(perCharacter(text, confidence), VOTE_POWER);
  }
}
