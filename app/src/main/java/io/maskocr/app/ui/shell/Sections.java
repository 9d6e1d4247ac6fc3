package io.maskocr.app.ui.shell;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.section.Section;
import io.maskocr.app.ui.datasets.DatasetsSection;
import io.maskocr.app.ui.annotate.AnnotateSection;
import io.maskocr.app.ui.experiments.ExperimentsSection;
import io.maskocr.app.ui.learn.LearnSection;
import io.maskocr.app.ui.render.RenderShellSection;
import java.util.List;

/**
 * The sections of the navigation rail, in order. A feature adds its section here (one line);
 * sections that do not exist yet are not listed (no empty placeholders).
 */
public final class Sections {
  private Sections() {}

  public static List<Section> all(StudioContext context) {
    return List.of(
        new DatasetsSection(context),
        new RenderShellSection(context),
        new ExperimentsSection(context),
        new AnnotateSection(context),
        new LearnSection(context));
  }
}
