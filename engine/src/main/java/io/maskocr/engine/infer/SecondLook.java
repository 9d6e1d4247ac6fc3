package io.maskocr.engine.infer;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A second look at doubtful readings: a crop read with less than {@value #DOUBT} confidence per
 * character (the geometric mean over its characters and the end) is read again deskewed, as if its word ran at {@code ±5°} and {@code ±15°}, and the most confident of
 * those readings replaces the first when it is at least {@value TurnedReading#MARGIN} times as
 * confident. Why: a word photographed at a slant sits in an upright box with background above and
 * below its ends; squeezed into the model's 32x128 input it is thin and tilted, unlike the
 * level words the model learned on. Turning the box's content level and cutting out the word's
 * own rectangle gives the model what it knows.
 *
 * <p>Measured on real crops (docs/results.md): the rule (angles, margin, doubt) was chosen with
 * the starter on the 5,377 train crops, which it never trained on, and then read the 1,347 dev
 * crops: the starter 52.8 -> 55.0%, the starter fine-tuned for 30 minutes 69.7 -> 73.1%. It costs
 * up to four more forward passes per doubtful crop, 2.5-3.3 pictures read per real crop.
 *
 * <p>A deskewed reading has no attention map here: its attention is over the deskewed picture.
 */
public final class SecondLook {
  /**
   * Readings less confident than this per character get a second look. Per character, because
   * with label smoothing a well-read long word still scores low as a whole (0.9 per character:
   * 0.43 for seven letters).
   */
  public static final double DOUBT = 0.85;

  /** The slants tried, in degrees (positive: the word rises to the right). */
  private static final double[] SLANTS = {5, -5, 15, -15};

  /** Narrowest word band, in source pixels, worth reading. */
  private static final int MIN_BAND = 4;

  /** The switch: {@code -Dmaskocr.secondLook=off} or {@code MASKOCR_SECOND_LOOK=off} reads each crop once (and turned). */
  public static final String PROPERTY = "maskocr.secondLook";

  private SecondLook() {}

  /** Whether doubtful readings get a second look (on unless switched off, see {@link #PROPERTY}). */
  public static boolean enabled() {
    String v = System.getProperty(PROPERTY);
    if (v == null) {
      v = System.getenv("MASKOCR_SECOND_LOOK");
    }
    return v == null || !(v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0"));
  }

  /** How crops are read, for reports: so a figure says what produced it. */
  public static String describe() {
    return "as given; taller than wide also turned a quarter each way (kept at " + TurnedReading.MARGIN
        + "x the confidence)" + (enabled()
            ? "; readings below " + DOUBT + " confidence per character read again deskewed at +-5 and +-15 degrees"
                + " (kept at "
                + TurnedReading.MARGIN + "x)"
            : "; no second look");
  }

  /**
   * Reads the given pictures as given and turned ({@link TurnedReading}), then gives doubtful
   * readings a second look; {@code read} reads pictures as they are, one prediction each, in order.
   */
  public static List<Prediction> read(List<BufferedImage> images, Function<List<BufferedImage>, List<Prediction>> read) {
    TurnedReading plan = TurnedReading.of(images);
    return improve(images, plan.choose(read.apply(plan.images())), read);
  }

  /** {@code first} (one reading per image) with each doubtful reading replaced where a deskewed one wins. */
  public static List<Prediction> improve(
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
      Prediction chosen = pick(first.get(s[0]), again.subList(s[1], s[1] + s[2]), Prediction::confidence);
      if (chosen != first.get(s[0])) {
        out.set(s[0], new Prediction(chosen.text(), chosen.charProbabilities(), chosen.confidence(),
            new float[0][0], chosen.checkpoint()));
      }
    }
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
    int factors = text.codePointCount(0, text.length()) + 1;
    return Math.pow(Math.max(0, confidence), 1.0 / factors) < DOUBT && enabled();
  }

  /**
   * The reading kept: the most confident of {@code others} when it is at least {@link
   * TurnedReading#MARGIN} times as confident as {@code first}, else {@code first}.
   */
  public static <T> T pick(T first, List<T> others, ToDoubleFunction<T> confidence) {
    T best = first;
    double bar = TurnedReading.MARGIN * confidence.applyAsDouble(first);
    for (T o : others) {
      double c = confidence.applyAsDouble(o);
      if (c > bar && (best == first || c > confidence.applyAsDouble(best))) {
        best = o;
      }
    }
    return best;
  }

  /** The deskewed views of {@code image} worth reading (none for a crop taller than wide). */
  public static List<BufferedImage> views(BufferedImage image) {
    List<BufferedImage> out = new ArrayList<>();
    for (double slant : SLANTS) {
      BufferedImage v = deskewed(image, slant);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The word of an upright {@code w x h} box, taken to run at {@code degrees} through the box's
   * centre, turned level and cut to its own rectangle; null when no such word fits the box (it
   * would be taller than long, or thinner than {@value #MIN_BAND} pixels).
   *
   * <p>A word of length l and height t at angle a fills a box of w = l cos a + t sin a and
   * h = l sin a + t cos a; solved for l and t.
   */
  public static BufferedImage deskewed(BufferedImage image, double degrees) {
    double a = Math.toRadians(Math.abs(degrees));
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double det = Math.cos(2 * a);
    int w = image.getWidth();
    int h = image.getHeight();
    double length = (w * cos - h * sin) / det;
    double height = (h * cos - w * sin) / det;
    if (!(det > 0 && length > 0 && height >= MIN_BAND && height <= length)) {
      return null;
    }
    int lw = (int) Math.round(length);
    int th = (int) Math.round(height);
    BufferedImage out = new BufferedImage(lw, th, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.translate(lw / 2.0, th / 2.0);
      g.rotate(Math.toRadians(degrees));
      g.translate(-w / 2.0, -h / 2.0);
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
