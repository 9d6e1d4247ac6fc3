package io.maskocr.engine.infer;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Word crops taller than wide are read three ways: as given, and turned a quarter clockwise and
 * counter-clockwise. Why: in scene photos (ICDAR 2015 above all) such a crop usually holds a
 * word running up or down the picture, which squeezed into the model's 32x128 input is
 * unreadable. A turned reading replaces the upright one only when it is at least
 * {@value #MARGIN} times as confident, so upright words in narrow boxes keep their reading.
 * Measured on the 1,347 real dev crops (docs/results.md), where 85 are taller than wide: the
 * bundled starter reads 5 more of them, the starter fine-tuned for 30 minutes 7 more.
 *
 * <p>A turned reading has no attention map here: its attention is over the turned picture.
 * Annotate's attention view inspects the crop the same way and shows the turned picture.
 */
public final class TurnedReading {
  /** How many times more confident a turned reading must be to replace the upright one. */
  public static final double MARGIN = 1.5;

  private final List<BufferedImage> all;
  private final int given;
  private final int[] tall;

  private TurnedReading(List<BufferedImage> all, int given, int[] tall) {
    this.all = all;
    this.given = given;
    this.tall = tall;
  }

  /** The plan for {@code images}: each as given, then both turns of every crop taller than wide. */
  public static TurnedReading of(List<BufferedImage> images) {
    List<BufferedImage> all = new ArrayList<>(images);
    List<Integer> tall = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      BufferedImage im = images.get(i);
      if (isTall(im)) {
        tall.add(i);
        all.add(turned(im, true));
        all.add(turned(im, false));
      }
    }
    return new TurnedReading(all, images.size(), tall.stream().mapToInt(Integer::intValue).toArray());
  }

  /** What to read: the images as given first, then the turned ones. */
  public List<BufferedImage> images() {
    return all;
  }

  /** One prediction per given image, from the readings of {@link #images()} in their order. */
  public List<Prediction> choose(List<Prediction> readings) {
    if (readings.size() != all.size()) {
      throw new IllegalArgumentException("expected " + all.size() + " readings, got " + readings.size());
    }
    List<Prediction> out = new ArrayList<>(readings.subList(0, given));
    for (int k = 0; k < tall.length; k++) {
      Prediction upright = out.get(tall[k]);
      Prediction chosen = pick(upright, readings.get(given + 2 * k), readings.get(given + 2 * k + 1),
          Prediction::confidence);
      if (chosen != upright) {
        out.set(tall[k], new Prediction(chosen.text(), chosen.charProbabilities(), chosen.confidence(),
            new float[0][0], chosen.checkpoint()));
      }
    }
    return out;
  }

  /** Whether a crop is read turned as well: it is taller than wide. */
  public static boolean isTall(BufferedImage image) {
    return image.getHeight() > image.getWidth();
  }

  /**
   * The reading kept of a tall crop's three: the more confident turn when it is at least
   * {@value #MARGIN} times as confident as the upright reading, else the upright one.
   */
  public static <T> T pick(T upright, T clockwise, T counterClockwise, ToDoubleFunction<T> confidence) {
    T turn = confidence.applyAsDouble(counterClockwise) > confidence.applyAsDouble(clockwise)
        ? counterClockwise : clockwise;
    return confidence.applyAsDouble(turn) > MARGIN * confidence.applyAsDouble(upright) ? turn : upright;
  }

  /** {@code image} turned a quarter clockwise (or counter-clockwise); exact, pixels are only moved. */
  public static BufferedImage turned(BufferedImage image, boolean clockwise) {
    int w = image.getWidth();
    int h = image.getHeight();
    int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : image.getType();
    BufferedImage out = type == BufferedImage.TYPE_BYTE_INDEXED || type == BufferedImage.TYPE_BYTE_BINARY
        ? new BufferedImage(h, w, BufferedImage.TYPE_INT_ARGB) : new BufferedImage(h, w, type);
    Graphics2D g = out.createGraphics();
    try {
      if (clockwise) {
        g.translate(h, 0);
        g.rotate(Math.PI / 2);
      } else {
        g.translate(0, w);
        g.rotate(-Math.PI / 2);
      }
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
