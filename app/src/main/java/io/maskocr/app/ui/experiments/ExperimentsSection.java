package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.section.Section;
import io.maskocr.app.ui.section.StudioContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The Experiments section: start, watch, compare and inspect training runs. */
public final class ExperimentsSection implements Section {
  private final StudioContext context;
  private ExperimentsView view;

  public ExperimentsSection(StudioContext context) {
    this.context = context;
  }

  @Override
  public String title() {
    return "Experiments";
  }

  @Override
  public Ikon icon() {
    return Material2OutlinedAL.INSIGHTS;
  }

  @Override
  public String tooltip() {
    return "Experiments: start, watch, compare and inspect training runs";
  }

  @Override
  public Node createView() {
    view = new ExperimentsView(context, ExperimentsView::defaultResolver);
    return view.node();
  }

  /** The view once built (null before the section was first opened). */
  public ExperimentsView view() {
    return view;
  }
}
