package io.maskocr.app.ui.shell;

import io.maskocr.app.ui.task.TaskStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Bottom bar: workspace path on the left; running task, progress and Cancel on the right. */
public final class StatusBar {
  private final HBox root = new HBox(8);

  public StatusBar(ObservableStringValue workspaceText, TaskStatus tasks) {
    root.getStyleClass().add("status-bar");
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(4, 10, 4, 10));

    Label workspace = new Label();
    workspace.setId("status-workspace");
    workspace.setGraphic(new FontIcon(Material2OutlinedAL.FOLDER));
    workspace.textProperty().bind(workspaceText);
    workspace.tooltipProperty().bind(Bindings.createObjectBinding(
        () -> new Tooltip(workspaceText.get()), workspaceText));
    workspace.setMinWidth(120);

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Label task = new Label();
    task.setId("status-task");
    task.textProperty().bind(tasks.textProperty());
    ProgressBar bar = new ProgressBar();
    bar.setId("status-progress");
    bar.setPrefWidth(180);
    bar.progressProperty().bind(tasks.progressProperty());
    Button cancel = new Button(null, new FontIcon(Material2OutlinedMZ.STOP_CIRCLE));
    cancel.setId("status-cancel");
    cancel.getStyleClass().addAll("flat", "small");
    cancel.setTooltip(new Tooltip("Cancel the running task"));
    cancel.setOnAction(e -> tasks.cancelCurrent());
    for (Node n : new Node[] {task, bar, cancel}) {
      n.visibleProperty().bind(tasks.busyProperty());
      n.managedProperty().bind(tasks.busyProperty());
    }
    root.getChildren().addAll(workspace, spacer, task, bar, cancel);
  }

  public Node node() {
    return root;
  }
}
