package io.maskocr.app.ui.shell;

import io.maskocr.app.ui.datasets.DatasetsSection;
import io.maskocr.app.ui.learn.LearnSection;
import java.util.List;

/**
 * The sections of the navigation rail, in order. A feature adds its section here (one line);
 * sections that do not exist yet are not listed (no empty placeholders).
 */
public final class Sections {
  private Sections() {}

  public static List<Section> all(StudioContext context) {
    return List.of(new DatasetsSection(context),
        new LearnSection(context));
  }
}
