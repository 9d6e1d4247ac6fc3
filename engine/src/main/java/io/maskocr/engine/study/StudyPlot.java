package io.maskocr.engine.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Test accuracy against labelled share (log axis), one line per recipe, drawn with Java2D. */
final class StudyPlot {
  private static final int W = 760;
  private static final int H = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {
    new Color(0x33, 0x33, 0x33), new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28),
    new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0xff, 0x7f, 0x0e)
  };

  private StudyPlot() {}

  static void write(StudyReport r, Path file) throws IOException {
    ImageIO.write(draw(r), "png", file.toFile());
  }

  static BufferedImage draw(StudyReport r) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      List<Double> fractions = r.config().fractions();
      double maxAcc = r.rows().stream().mapToDouble(StudyRow::accuracy36).filter(v -> !Double.isNaN(v)).max().orElse(0);
      double yMax = Math.max(0.05, Math.ceil(maxAcc * 10 + 0.5) / 10);
      int pw = W - LEFT - RIGHT;
      int ph = H - TOP - BOTTOM;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      for (int k = 0; k <= 5; k++) {
        int y = TOP + ph - (int) Math.round(ph * k / 5.0);
        g.drawLine(LEFT, y, LEFT + pw, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString(StudyReportWriter.pct(yMax * k / 5), 12, y + 4);
        g.setColor(new Color(0xdd, 0xdd, 0xdd));
      }
      g.setColor(Color.DARK_GRAY);
      g.drawRect(LEFT, TOP, pw, ph);
      for (int i = 0; i < fractions.size(); i++) {
        int x = xOf(fractions, i, pw);
        g.drawLine(x, TOP + ph, x, TOP + ph + 5);
        String label = StudyReportWriter.pct(fractions.get(i));
        g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + ph + 20);
      }
      g.drawString("labelled share of the train split (log scale)", LEFT + pw / 2 - 130, H - 15);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString("Test word accuracy (36 symbols), " + r.config().dataset() + ", " + (r.config().stepBudget()
          ? "step budget" : r.config().minutesPerRun() + " min per run"), LEFT, 24);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      List<String> recipes = StudyReportWriter.recipeNames(r);
      for (int k = 0; k < recipes.size(); k++) {
        Color c = COLORS[k % COLORS.length];
        g.setColor(c);
        g.setStroke(new BasicStroke(2.2f));
        int px = -1;
        int py = -1;
        for (int i = 0; i < fractions.size(); i++) {
          StudyRow x = StudyReportWriter.find(r, recipes.get(k), fractions.get(i));
          if (x == null || Double.isNaN(x.accuracy36())) {
            px = -1;
            continue;
          }
          int cx = xOf(fractions, i, pw);
          int cy = TOP + ph - (int) Math.round(ph * x.accuracy36() / yMax);
          if (px >= 0) {
            g.drawLine(px, py, cx, cy);
          }
          g.fillOval(cx - 4, cy - 4, 8, 8);
          px = cx;
          py = cy;
        }
        g.fillRect(LEFT + pw + 20, TOP + 10 + k * 22, 18, 4);
        g.drawString(recipes.get(k), LEFT + pw + 44, TOP + 16 + k * 22);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** x of fraction i: log scale when the shares differ, else evenly spaced. */
  private static int xOf(List<Double> fractions, int i, int pw) {
    int pad = 30;
    if (fractions.size() == 1) {
      return LEFT + pw / 2;
    }
    double lo = Math.log10(fractions.get(0));
    double hi = Math.log10(fractions.get(fractions.size() - 1));
    double t = hi > lo ? (Math.log10(fractions.get(i)) - lo) / (hi - lo) : (double) i / (fractions.size() - 1);
    return LEFT + pad + (int) Math.round((pw - 2 * pad) * t);
  }
}
