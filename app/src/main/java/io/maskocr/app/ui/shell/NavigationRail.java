package io.maskocr.app.ui.shell;

import io.maskocr.app.ui.section.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left navigation rail: one toggle per {@link Section}, and the content area that shows
 * the selected section's view. Views are built lazily on first selection and kept.
 */
public final class NavigationRail {
  private final VBox rail = new VBox(4);
  private final StackPane content = new StackPane();
  private final ToggleGroup group = new ToggleGroup();
  private final Map<Section, Node> built = new HashMap<>();
  private final ObjectProperty<Section> selected = new SimpleObjectProperty<>(this, "selected");

  public NavigationRail(List<Section> sections) {
    rail.getStyleClass().add("nav-rail");
    rail.setAlignment(Pos.TOP_CENTER);
    content.getStyleClass().add("section-content");
    for (Section section : sections) {
      ToggleButton button = new ToggleButton(section.title(), new FontIcon(section.icon()));
      button.setContentDisplay(ContentDisplay.TOP);
      button.getStyleClass().add("nav-rail-button");
      button.setId("nav-" + section.title().toLowerCase().replace(' ', '-'));
      button.setTooltip(new Tooltip(section.tooltip()));
      button.setToggleGroup(group);
      button.setUserData(section);
      button.setMaxWidth(Double.MAX_VALUE);
      rail.getChildren().add(button);
    }
    group.selectedToggleProperty().addListener((obs, old, now) -> {
      if (now == null) {
        // A rail always shows one section: clicking the selected toggle keeps it selected.
        group.selectToggle(old);
        return;
      }
      show((Section) now.getUserData());
    });
    if (!group.getToggles().isEmpty()) {
      group.selectToggle(group.getToggles().get(0));
    }
  }

  private void show(Section section) {
    Node view = built.computeIfAbsent(section, Section::createView);
    content.getChildren().setAll(view);
    selected.set(section);
  }

  /** Selects a section by title (used by keyboard shortcuts and tests). */
  public void select(String title) {
    group.getToggles().stream()
        .filter(t -> ((Section) t.getUserData()).title().equals(title))
        .findFirst()
        .ifPresent(group::selectToggle);
  }

  public ObjectProperty<Section> selectedProperty() {
    return selected;
  }

  public Node rail() {
    return rail;
  }

  public Node content() {
    return content;
  }
}
