package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Doubtful readings are read again deskewed; a deskewed reading wins only when clearly more confident. */
class SecondLookTest {
  /** A black {@code length x height} bar at {@code degrees} (rising to the right) in the white upright box that just holds it. */
  private static BufferedImage slantedBar(int length, int height, double degrees) {
    double a = Math.toRadians(degrees);
    int w = (int) Math.round(length * Math.cos(a) + height * Math.sin(a));
    int h = (int) Math.round(length * Math.sin(a) + height * Math.cos(a));
    BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = im.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.translate(w / 2.0, h / 2.0);
    g.rotate(-a); // image y runs down: a negative turn lifts the right end
    g.setColor(Color.BLACK);
    g.fillRect(-length / 2, -height / 2, length, height);
    g.dispose();
    return im;
  }

  private static double darkShare(BufferedImage im) {
    int dark = 0;
    for (int y = 0; y < im.getHeight(); y++) {
      for (int x = 0; x < im.getWidth(); x++) {
        dark += (im.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
      }
    }
    return dark / (double) (im.getWidth() * im.getHeight());
  }

  private static Prediction reading(String text, double confidence) {
    return new Prediction(text, new float[] {(float) confidence}, confidence, new float[][] {{1f}}, "1@1");
  }

  @Test
  void aSlantedWordIsCutOutLevelAtItsOwnSize() {
    BufferedImage box = slantedBar(120, 24, 15);
    BufferedImage level = LookViews.deskewed(box, 15);
    assertEquals(120, level.getWidth(), 1);
    assertEquals(24, level.getHeight(), 1);
    assertTrue(darkShare(level) > 0.9, "the cut-out is the bar: " + darkShare(level));
    BufferedImage wrongWay = LookViews.deskewed(box, -15);
    assertTrue(darkShare(wrongWay) < 0.8, "turned the wrong way it is not: " + darkShare(wrongWay));
  }

  @Test
  void cropsTallerThanWideOrTooThinHaveNoDeskewedViews() {
    // a tall crop is read turned instead; its second look is the loosened and the inverted crop
    assertEquals(2, SecondLook.DEFAULT.views(new BufferedImage(20, 60, BufferedImage.TYPE_INT_RGB)).size());
    // a level 400 x 12 word: at 15 degrees its band would be thinner than 4 pixels
    assertNull(LookViews.deskewed(new BufferedImage(400, 12, BufferedImage.TYPE_INT_RGB), 15));
    assertEquals(6 + 2, SecondLook.DEFAULT.views(new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB)).size());
    assertEquals(6 + 3, SecondLook.SYNTHETIC_ONLY.views(new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB)).size());
  }

  @Test
  void onlyDoubtfulReadingsAreReadAgainAndThePicturesVote() {
    List<BufferedImage> images = List.of(new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB),
        new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB), new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB));
    Prediction sure = reading("sure", 0.9);
    Prediction doubtA = reading("a", 0.2);
    Prediction doubtB = reading("b", 0.3);
    int perCrop = SecondLook.DEFAULT.views(images.get(0)).size();
    List<Integer> asked = new ArrayList<>();
    List<Prediction> out = SecondLook.DEFAULT.improve(images, List.of(sure, doubtA, doubtB), views -> {
      asked.add(views.size());
      // a vote is the confidence per character squared (0.3 for "ab" is 0.669 per character: 0.448)
      List<Prediction> read = new ArrayList<>(List.of(
          // crop a: three pictures read "ab" (1.34 in all), beating one surer "x" (0.5) and "a" (0.2 + 0.01)
          reading("x", 0.5), reading("ab", 0.3), reading("ab", 0.3), reading("ab", 0.3), reading("a", 0.01)));
      while (read.size() < perCrop) {
        read.add(reading("?", 0.001));
      }
      // crop b: "y" (0.45) is surer than the first reading, but "b" is read twice (0.3 + 0.2)
      read.addAll(List.of(reading("y", 0.45), reading("b", 0.2), reading("z", 0.1), reading("w", 0.1)));
      while (read.size() < 2 * perCrop) {
        read.add(reading("v", 0.1));
      }
      return read;
    });
    assertEquals(List.of(2 * perCrop), asked, "one pass over the doubtful crops' views only");
    assertSame(sure, out.get(0));
    assertEquals("ab", out.get(1).text());
    assertEquals(0, out.get(1).attention().length, "no attention map over a picture the viewers do not show");
    assertSame(doubtB, out.get(2), "the first reading, with its attention, when its text wins");
  }

  @Test
  void aTiedVoteKeepsTheFirstReadingAndOtherwiseTheEarlierPicture() {
    Prediction first = reading("a", 0.25);
    assertSame(first, SecondLook.vote(first, List.of(reading("b", 0.25)), Prediction::text, Prediction::confidence));
    Prediction earlier = reading("b", 0.5);
    assertSame(earlier, SecondLook.vote(first, List.of(earlier, reading("c", 0.5)), Prediction::text,
        Prediction::confidence));
  }

  @Test
  void confidentReadingsCostNothingMore() {
    List<BufferedImage> images = List.of(new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB));
    List<Prediction> first = List.of(reading("sure", 0.6));
    assertSame(first, SecondLook.DEFAULT.improve(images, first, views -> {
      throw new AssertionError("read again: " + views.size());
    }));
  }

  @Test
  void doubtIsMeasuredPerCharacter() {
    // 0.9 per character and for the end: a well-read seven-letter word scores 0.43 as a whole
    assertTrue(!SecondLook.doubtful("library", Math.pow(0.9, 8)));
    assertTrue(SecondLook.doubtful("lib", Math.pow(0.8, 4)));
    assertTrue(SecondLook.doubtful("", 0.5));
  }

  @Test
  void aLoosenedCropRepeatsItsEdgesAndAStretchedOneSpansTheRange() {
    BufferedImage im = new BufferedImage(50, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 50; x++) {
        int v = 100 + x; // a haze from 100 to 149
        im.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    BufferedImage loose = LookViews.loosened(im);
    assertEquals(50 + 2 * 4, loose.getWidth());
    assertEquals(20 + 2 * 3, loose.getHeight());
    assertEquals(im.getRGB(0, 0), loose.getRGB(0, 0), "the corner repeats the crop's corner");
    assertEquals(im.getRGB(49, 19), loose.getRGB(57, 25));
    BufferedImage stretched = LookViews.stretched(im);
    assertEquals(0, stretched.getRGB(0, 10) & 0xFF, "the darkest pixels go black");
    assertEquals(255, stretched.getRGB(49, 10) & 0xFF, "the lightest go white");
    assertEquals(255 - 100, LookViews.inverted(im).getRGB(0, 10) & 0xFF, "the negative");
  }

  @Test
  void aModelTrainedOnSyntheticWordsAloneAlsoReadsTheCropStretched() {
    io.maskocr.engine.train.Recipe starter = io.maskocr.engine.train.Recipes.load("starter");
    io.maskocr.engine.train.Recipe cpu = io.maskocr.engine.train.Recipes.load("maskocr-cpu");
    assertSame(SecondLook.SYNTHETIC_ONLY, SecondLook.forRecipe(starter));
    assertSame(SecondLook.DEFAULT, SecondLook.forRecipe(cpu), "fine-tuned on the workspace's crops");
    assertSame(SecondLook.DEFAULT, SecondLook.forRecipe(null));
  }
}
