package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.section.Section;
import io.maskocr.app.ui.section.StudioContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The Annotate section: correct low-confidence predictions fast and close the active-learning loop. */
public final class AnnotateSection implements Section {
  private final StudioContext context;

  public AnnotateSection(StudioContext context) {
    this.context = context;
  }

  @Override
  public String title() {
    return "Annotate";
  }

  @Override
  public Ikon icon() {
    return Material2OutlinedAL.EDIT;
  }

  @Override
  public String tooltip() {
    return "Annotate: review predictions lowest confidence first (Enter saves, ? for keys)";
  }

  @Override
  public Node createView() {
    return new AnnotateView(new AnnotateViewModel(context, AnnotatorSettings.defaultFile())).node();
  }
}
