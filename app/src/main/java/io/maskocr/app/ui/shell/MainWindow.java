package io.maskocr.app.ui.shell;

import atlantafx.base.theme.PrimerLight;
import io.maskocr.app.ui.task.FxTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.app.ui.task.TaskStatus;
import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.store.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window: menu bar, navigation rail with the sections, status bar. Built on a given
 * Stage, so the TestFX tests run exactly what the app runs.
 */
public final class MainWindow {
  /** Style sheet of the app, on top of the AtlantaFX theme. */
  public static final String STYLESHEET = "/io/maskocr/app/ui/studio.css";

  private final Stage stage;
  private final SettingsFile settings;
  private final TaskExecutor executor;
  private final MainViewModel model;
  private final NavigationRail rail;
  private final Scene scene;

  private MainWindow(Stage stage, SettingsFile settings, TaskExecutor executor) {
    this.stage = stage;
    this.settings = settings;
    this.executor = executor;
    this.model = new MainViewModel(executor, WorkspaceOpener::open,
        dir -> settings.update(s -> s.withLastWorkspace(dir)));
    this.rail = new NavigationRail(Sections.all(model));

    BorderPane root = new BorderPane();
    root.getStyleClass().add("studio-root");
    root.setTop(menuBar());
    root.setLeft(rail.rail());
    root.setCenter(rail.content());
    root.setBottom(new StatusBar(model.workspaceTextProperty(), new TaskStatus(executor)).node());

    StudioSettings s = settings.get();
    scene = new Scene(root, s.width(), s.height());
    applyTheme(scene);
    stage.setScene(scene);
    stage.setTitle("MaskOCR Studio");
    restoreBounds(s);
    stage.setOnHidden(e -> saveBoundsAndClose());
    model.errorProperty().addListener((obs, old, message) -> {
      if (message != null) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText("Workspace");
        alert.show();
        model.clearError();
      }
    });
  }

  /**
   * The app's look on {@code scene}: the AtlantaFX theme (for the whole application) and
   * {@link #STYLESHEET} on top. The two go together: the style sheet's colors, and the Modena
   * colors it defines for ChartFX and ControlsFX, come from the theme's palette, so under the
   * default Modena theme it would break Modena's own lookups.
   */
  public static void applyTheme(Scene scene) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    scene.getStylesheets().add(Objects.requireNonNull(
        MainWindow.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
  }

  /**
   * Builds the window on {@code stage}, shows it and starts opening {@code workspace}.
   *
   * @param stage the primary stage
   * @param workspace the workspace folder to open
   * @param settings the settings file (bounds, last workspace)
   */
  public static MainWindow show(Stage stage, Path workspace, SettingsFile settings) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    MainWindow window = new MainWindow(stage, settings, new FxTaskExecutor(3));
    stage.show();
    window.model.open(workspace);
    return window;
  }

  private MenuBar menuBar() {
    MenuItem open = new MenuItem("Open workspace…");
    open.setId("menu-open-workspace");
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(e -> chooseWorkspace());
    MenuItem team = new MenuItem("New team workspace…");
    team.setId("menu-new-team-workspace");
    team.setOnAction(e -> chooseTeamWorkspace());
    MenuItem quit = new MenuItem("Quit");
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(e -> stage.close());
    Menu file = new Menu("File", null, open, team, new SeparatorMenuItem(), quit);
    return new MenuBar(file);
  }

  private void chooseWorkspace() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open workspace (a folder; a new one is created when empty)");
    Workspace current = model.workspace();
    if (current != null && current.root().getParent() != null
        && Files.isDirectory(current.root().getParent())) {
      chooser.setInitialDirectory(current.root().getParent().toFile());
    }
    File dir = chooser.showDialog(stage);
    if (dir != null) {
      model.open(dir.toPath());
    }
  }

  /** The database address first (nothing is created if the dialog is cancelled), then the folder. */
  private void chooseTeamWorkspace() {
    TextInputDialog ask = new TextInputDialog("postgresql://");
    ask.initOwner(stage);
    ask.setTitle("New team workspace");
    ask.setHeaderText("The team's PostgreSQL database (14 or newer), e.g.\n"
        + "postgresql://you@db.example:5432/labels?sslmode=require\n"
        + "No password here: it comes from PGPASSWORD or ~/.pgpass.");
    ask.showAndWait().filter(a -> !a.isBlank()).ifPresent(address -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Folder for the team workspace (runs, checkpoints, image cache)");
      File dir = chooser.showDialog(stage);
      if (dir != null) {
        model.createTeam(dir.toPath(), address);
      }
    });
  }

  private void restoreBounds(StudioSettings s) {
    if (!Double.isNaN(s.x()) && !Double.isNaN(s.y())
        && !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), s.width(), s.height()))
            .isEmpty()) {
      stage.setX(s.x());
      stage.setY(s.y());
    }
    stage.setWidth(s.width());
    stage.setHeight(s.height());
    stage.setMaximized(s.maximized());
  }

  private void saveBoundsAndClose() {
    boolean max = stage.isMaximized();
    double x = stage.getX();
    double y = stage.getY();
    double w = stage.getWidth();
    double h = stage.getHeight();
    // At exit: the few-hundred-byte write and the database close may block the UI briefly.
    settings.update(s -> max ? s.withBounds(s.x(), s.y(), s.width(), s.height(), true)
        : s.withBounds(x, y, w, h, false));
    model.closeNow();
    executor.close();
  }

  public Scene scene() {
    return scene;
  }

  public MainViewModel model() {
    return model;
  }

  public NavigationRail rail() {
    return rail;
  }

  public TaskExecutor executor() {
    return executor;
  }

  /** Closes the window as the user would. */
  public void close() {
    if (Platform.isFxApplicationThread()) {
      stage.close();
    } else {
      Platform.runLater(stage::close);
    }
  }
}
