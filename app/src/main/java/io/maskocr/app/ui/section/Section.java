package io.maskocr.app.ui.section;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the navigation rail (Datasets, later Render, Experiments, Annotate, Learn).
 * A section is registered in {@code io.maskocr.app.ui.shell.Sections}; its view is built the first time the user
 * opens it, so unused sections cost nothing at start.
 */
public interface Section {
  /** Short title shown under the icon in the rail. */
  String title();

  /** Rail icon (Ikonli, e.g. Material2OutlinedAL.COLLECTIONS). */
  Ikon icon();

  /** Builds the section's view; called once, on the UI thread, on first selection. */
  Node createView();

  /** Keyboard shortcut hint shown in the rail tooltip, or empty. */
  default String tooltip() {
    return title();
  }
}
