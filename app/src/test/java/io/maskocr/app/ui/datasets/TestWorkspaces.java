package io.maskocr.app.ui.datasets;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Workspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;

/** Fixtures: a context around a real workspace, and folders of small distinct PNGs. */
final class TestWorkspaces {
  private TestWorkspaces() {}

  /** A StudioContext whose workspace can be swapped by the test. */
  record Context(TaskExecutor executor, ObjectProperty<Workspace> ws) implements StudioContext {
    Context(TaskExecutor executor, Workspace workspace) {
      this(executor, new SimpleObjectProperty<>(workspace));
    }

    @Override
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
      return ws;
    }
  }

  /**
   * Writes {@code <label>.png} for each label: distinct sizes and shades, so every file has
   * its own hash (the store keeps identical images once).
   */
  static Path imageFolder(Path dir, List<String> labels) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < labels.size(); i++) {
      BufferedImage img = new BufferedImage(40 + i, 20 + i % 7, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(new Color((i * 37) % 256, (i * 91) % 256, (i * 53) % 256));
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.dispose();
      ImageIO.write(img, "png", dir.resolve(labels.get(i) + ".png").toFile());
    }
    return dir;
  }
}
