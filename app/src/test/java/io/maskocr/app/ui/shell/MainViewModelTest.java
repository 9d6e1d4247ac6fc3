package io.maskocr.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.store.StoreException;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
  @TempDir Path tmp;
  private final List<Path> remembered = new ArrayList<>();

  @Test
  void opensTheWorkspaceInTheBackgroundAndRemembersIt() {
    MainViewModel vm = new MainViewModel(new CurrentThreadTaskExecutor(), Workspace::open,
        remembered::add);
    Path dir = tmp.resolve("ws");
    vm.open(dir);
    assertEquals(dir, vm.workspace().root());
    assertTrue(Files.exists(dir.resolve(Workspace.DB_FILE)));
    assertEquals(dir.toString(), vm.workspaceTextProperty().get());
    assertEquals(List.of(dir), remembered);
    vm.closeNow();
  }

  @Test
  void openingAnotherWorkspaceClosesThePreviousOne() {
    MainViewModel vm = new MainViewModel(new CurrentThreadTaskExecutor(), Workspace::open,
        remembered::add);
    vm.open(tmp.resolve("a"));
    Workspace first = vm.workspace();
    vm.open(tmp.resolve("b"));
    assertEquals(tmp.resolve("b"), vm.workspace().root());
    assertThrows(StoreException.class, () -> first.datasets().list());
    vm.closeNow();
  }

  @Test
  void aFailedOpenKeepsTheCurrentWorkspaceAndSaysWhy() throws Exception {
    MainViewModel vm = new MainViewModel(new CurrentThreadTaskExecutor(), Workspace::open,
        remembered::add);
    vm.open(tmp.resolve("good"));
    Workspace good = vm.workspace();
    Path notAFolder = Files.writeString(tmp.resolve("file.txt"), "x");
    vm.open(notAFolder);
    assertSame(good, vm.workspace());
    assertTrue(vm.errorProperty().get().contains("file.txt"), vm.errorProperty().get());
    assertEquals(good.root().toString(), vm.workspaceTextProperty().get());
    vm.clearError();
    assertNull(vm.errorProperty().get());
    vm.closeNow();
  }

  @Test
  void aNewTeamWorkspaceOpensOnItsServerAndABadAddressKeepsTheCurrentOne() {
    MainViewModel vm = new MainViewModel(new CurrentThreadTaskExecutor(), Workspace::open, remembered::add);
    vm.open(tmp.resolve("solo"));
    Workspace solo = vm.workspace();
    vm.createTeam(tmp.resolve("bad"), "postgresql://ana:secret@db.example/labels");
    assertSame(solo, vm.workspace());
    assertTrue(vm.errorProperty().get().contains("must not hold a password"), vm.errorProperty().get());
    assertFalse(vm.errorProperty().get().contains("secret"), vm.errorProperty().get());

    io.maskocr.engine.store.localpg.LocalPostgres pg = io.maskocr.engine.store.localpg.LocalPostgres.shared();
    vm.createTeam(tmp.resolve("team"), " " + pg.url(pg.createDatabase("ui"), pg.superuser()) + " ");
    assertTrue(vm.workspace().isTeam());
    assertEquals(tmp.resolve("team"), vm.workspace().root());
    assertTrue(vm.workspaceTextProperty().get().matches(".*team \\(team: PostgreSQL server 127\\.0\\.0\\.1:\\d+/ui_.*\\)"),
        vm.workspaceTextProperty().get());
    assertEquals(List.of(tmp.resolve("solo"), tmp.resolve("team")), remembered);
    vm.closeNow();
  }
}
