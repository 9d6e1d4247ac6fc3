package io.maskocr.app.ui.learn;

import io.maskocr.app.ui.section.Section;
import io.maskocr.app.ui.section.StudioContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The Learn section: a guided walk through the whole pipeline on the student's own picture,
 * eight steps from patches to destylization, with a small model trained on first use.
 */
public final class LearnSection implements Section {
  private final StudioContext context;

  public LearnSection(StudioContext context) {
    this.context = context;
  }

  @Override
  public String title() {
    return "Learn";
  }

  @Override
  public Ikon icon() {
    return Material2OutlinedMZ.SCHOOL;
  }

  @Override
  public String tooltip() {
    return "Learn: how MaskOCR reads text, step by step on your own picture (PageUp/PageDown to move)";
  }

  @Override
  public Node createView() {
    LearnViewModel model = new LearnViewModel(context.executor(), LearnViewModel.standardProvider(), LearnSteps.COUNT);
    LearnView view = LearnView.standard(model, context.executor());
    model.attach(context.workspace());
    context.workspaceProperty().addListener((o, a, b) -> model.attach(b));
    return view.node();
  }
}
