package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.train.TrainingListener;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Experiments section: Runs (table, detail, diff), Live (dashboard of the training run),
 * Compare (overlaid curves, side-by-side table), New run (recipe form) and Studies (low-label
 * study reports, and starting one). Starts runs through the
 * workspace's {@link RunLauncher} and shows every run it trains (also Learn's, Annotate's and
 * the studies') in Live.
 */
public final class ExperimentsView {
  private final StudioContext context;
  private final Function<Workspace, DataResolver> resolvers;
  private final DashboardViewModel dashboardModel;
  private final RunsViewModel runsModel;
  private final NewRunViewModel newRunModel;
  private final DashboardView dashboard;
  private final RunsView runs;
  private final CompareView compare;
  private final StudiesViewModel studiesModel;
  private final TabPane tabs = new TabPane();
  private final Tab liveTab;
  private final Tab compareTab;
  private volatile RunLauncher launcher;
  private TrainingListener dashboardListener;
  /** Runs started here train at a low CPU priority, so the UI stays smooth. */
  private static final TrainingOptions OPTIONS = TrainingOptions.unlimited().inBackground();

  /**
   * @param context executor and workspace
   * @param resolvers data resolver for a workspace (splits, folders, synthetic stream)
   */
  public ExperimentsView(StudioContext context, Function<Workspace, DataResolver> resolvers) {
    this.context = context;
    this.resolvers = resolvers;
    dashboardModel = new DashboardViewModel(context.executor());
    runsModel = new RunsViewModel(context.executor(), context::workspace, this::busy);
    newRunModel = new NewRunViewModel(context.executor(), context::workspace, this::submit, Recipes::load,
        Recipes.builtIn());
    dashboard = new DashboardView(dashboardModel, this::inspect);
    AddModelViewModel addModel = new AddModelViewModel(context.executor(), context::workspace,
        runsModel.messageProperty()::set, runsModel::refresh);
    runs = new RunsView(runsModel, addModel, newRunModel.datasets(), this::inspect, this::resume, this::compare);
    compare = new CompareView(context.executor(), context::workspace);
    NewRunView newRun = new NewRunView(newRunModel);
    studiesModel = new StudiesViewModel(context.executor(), context::workspace);
    StudiesView studies = new StudiesView(studiesModel);
    dashboardModel.setOnRunEnded(runsModel::refresh);
    liveTab = new Tab("Live", dashboard.node());
    compareTab = new Tab("Compare", compare.node());
    tabs.getTabs().addAll(new Tab("Runs", runs.node()), liveTab, compareTab, new Tab("New run", newRun.node()),
        new Tab("Studies", studies.node()));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("experiments-tabs");
    context.workspaceProperty().addListener((o, old, w) -> workspaceChanged(w));
    workspaceChanged(context.workspace());
  }

  /** Default data: the workspace's splits, folders and the bundled renderer's synthetic stream. */
  public static DataResolver defaultResolver(Workspace w) {
    return new WorkspaceDataResolver(w);
  }

  private void workspaceChanged(Workspace w) {
    RunLauncher old = launcher;
    TrainingListener oldListener = dashboardListener;
    launcher = null;
    if (old != null) {
      old.removeListener(oldListener);
      context.executor().execute(BackgroundTask.of("Stopping training", ctx -> {
        old.close();
        return null;
      }));
    }
    if (w != null) {
      RunLauncher l = RunLauncher.of(w);
      dashboardListener = new EventCoalescer(Platform::runLater, dashboardModel::apply);
      l.addListener(dashboardListener);
      launcher = l;
      dashboardModel.setLauncher(l);
      newRunModel.refreshDatasets();
      // Runs left waiting when the app last closed take their turn again.
      context.executor().execute(BackgroundTask.of("Restoring the training queue",
              ctx -> l.restoreQueued(resolvers.apply(w), OPTIONS))
          .quiet().onSuccess(ids -> {
            if (!ids.isEmpty()) {
              runsModel.refresh();
            }
          }).onFailure(e -> runsModel.messageProperty().set("Cannot restore queued runs: " + e.getMessage())));
    }
    runsModel.refresh();
    studiesModel.refresh();
  }

  private long submit(String name, io.maskocr.engine.train.Recipe r) {
    RunLauncher q = requireLauncher();
    long id;
    try {
      id = q.submit(name, r, List.of(), "", resolvers.apply(context.workspace()), OPTIONS).runId();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Platform.runLater(() -> {
      runsModel.refresh();
      tabs.getSelectionModel().select(liveTab);
    });
    return id;
  }

  private void resume(long runId) {
    RunLauncher q = requireLauncher();
    Workspace w = context.workspace();
    context.executor().execute(BackgroundTask.of("Resuming run " + runId, ctx -> {
      q.resumeRun(runId, resolvers.apply(w), OPTIONS);
      return null;
    }).onSuccess(v -> {
      runsModel.refresh();
      tabs.getSelectionModel().select(liveTab);
    }).onFailure(e -> runsModel.messageProperty().set(e.getMessage())));
  }

  private void compare(List<RunRow> selected) {
    compare.show(selected);
    tabs.getSelectionModel().select(compareTab);
  }

  private void inspect(long runId) {
    Workspace w = context.workspace();
    if (w == null) {
      return;
    }
    InspectWindow.open(context.executor(), w.runs().dir(runId), resolvers.apply(w),
        tabs.getScene() == null ? null : tabs.getScene().getWindow(), "Run " + runId,
        msg -> runsModel.messageProperty().set("Cannot inspect run " + runId + ": " + msg));
  }

  private boolean busy(long runId) {
    RunLauncher q = launcher;
    return q != null && q.find(runId).isPresent();
  }

  private RunLauncher requireLauncher() {
    RunLauncher q = launcher;
    if (q == null) {
      throw new IllegalStateException("open a workspace first");
    }
    return q;
  }

  /** The training launcher of the open workspace, or null. */
  public RunLauncher launcher() {
    return launcher;
  }

  /** The dashboard's state (tests, the UI benchmark). */
  public DashboardViewModel dashboard() {
    return dashboardModel;
  }

  /** The dashboard's live charts (the UI benchmark loads them with history). */
  public List<io.maskocr.viewers.charts.LiveChart> liveCharts() {
    return dashboard.charts();
  }

  /** The new-run form's state (tests). */
  public NewRunViewModel newRun() {
    return newRunModel;
  }

  /** The runs table's state (tests). */
  public RunsViewModel runs() {
    return runsModel;
  }

  /** Selects the tab titled {@code title}. */
  public void showTab(String title) {
    tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  public Node node() {
    return tabs;
  }
}
