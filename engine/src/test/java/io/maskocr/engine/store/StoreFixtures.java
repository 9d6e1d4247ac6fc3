package io.maskocr.engine.store;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;

/** Small generated images and samples for store tests. */
public final class StoreFixtures {
  private StoreFixtures() {}

  /** A distinct small PNG for each seed. */
  public static byte[] png(int seed, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    for (int bit = 0; bit < 31; bit++) {
      if ((seed >>> bit & 1) == 1) {
        g.fillRect((bit * 3) % w, (bit / 8) * 3 % h, 2, 2);
      }
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores {@code n} distinct images and inserts them as samples labeled {@code prefix + i}. */
  public static List<Long> addSamples(Workspace ws, long datasetId, int n, String prefix) throws IOException {
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] png = png(i + prefix.hashCode() * 7919, 40, 16);
      String sha = sha256(png);
      ws.images().put(sha, "png", png);
      batch.add(new NewSample(sha, "png", 40, 16, "img" + i + ".png", Split.TRAIN, prefix + i));
    }
    ws.samples().addBatch(datasetId, batch, "test");
    List<Long> ids = new ArrayList<>();
    for (Sample s : ws.samples().page(SampleQuery.of(datasetId, 10_000))) {
      ids.add(s.id());
    }
    return ids;
  }
}
