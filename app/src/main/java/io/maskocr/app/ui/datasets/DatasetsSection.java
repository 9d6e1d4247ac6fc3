package io.maskocr.app.ui.datasets;

import io.maskocr.app.ui.section.Section;
import io.maskocr.app.ui.section.StudioContext;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The Datasets section: browse, search, import and split the workspace's datasets. */
public final class DatasetsSection implements Section {
  private final StudioContext context;

  public DatasetsSection(StudioContext context) {
    this.context = context;
  }

  @Override
  public String title() {
    return "Datasets";
  }

  @Override
  public Ikon icon() {
    return Material2OutlinedAL.COLLECTIONS;
  }

  @Override
  public String tooltip() {
    return "Datasets: browse, search (Ctrl+F) and import (Ctrl+I) images";
  }

  @Override
  public Node createView() {
    return new DatasetsView(new DatasetsViewModel(context), context, Importers.engine()).node();
  }
}
