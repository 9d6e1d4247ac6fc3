package io.maskocr.viewers.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Saves a node as a PNG: snapshot on the FX thread, encoding and writing off it. */
public final class PngExport {
  private PngExport() {}

  /**
   * Snapshots {@code node} (call on the FX thread) and writes it to {@code file} in the
   * background.
   *
   * @return completes when the file is written
   */
  public static CompletableFuture<Path> save(Node node, Path file) {
    SnapshotParameters sp = new SnapshotParameters();
    sp.setFill(Color.WHITE);
    WritableImage shot = node.snapshot(sp, null);
    BufferedImage img = SwingFXUtils.fromFXImage(shot, null);
    return CompletableFuture.supplyAsync(() -> {
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Asks for a file name (a save dialog over {@code node}'s window), writes {@code node} there
   * and reports "saved PATH" or the failure in {@code status}. Call on the FX thread.
   */
  public static void chooseAndSave(Node node, String initialName, javafx.scene.control.Label status) {
    javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
    fc.setInitialFileName(initialName);
    fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG image", "*.png"));
    java.io.File f = fc.showSaveDialog(node.getScene() == null ? null : node.getScene().getWindow());
    if (f != null) {
      save(node, f.toPath()).whenComplete((path, e) -> javafx.application.Platform.runLater(
          () -> status.setText(e == null ? "saved " + path : "export failed: " + e.getMessage())));
    }
  }
}
