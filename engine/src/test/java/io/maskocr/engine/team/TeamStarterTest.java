package io.maskocr.engine.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.TeamRoles;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.localpg.LocalPostgres;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.StarterRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An annotator on a team workspace predicts with the bundled starter without creating a run. */
class TeamStarterTest {
  @TempDir Path dir;

  @Test
  void theOwnerRegistersTheStarterAndAnAnnotatorsMachineCopiesItsFiles() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    String database = pg.createDatabase("starter");
    long starterRun;
    try (Workspace owner = TeamWorkspaces.createOrJoin(dir.resolve("owner"), DatabaseUrl.parse(pg.url(database, pg.superuser())))) {
      assertEquals(1, owner.runs().list().size(), "the starter is a run from the start");
      starterRun = owner.runs().list().get(0).id();
    }
    String role = "starter_annotator_" + ProcessHandle.current().pid();
    pg.execute("CREATE ROLE " + role + " LOGIN");
    pg.executeIn(database, TeamRoles.annotatorGrants(role).toArray(String[]::new));
    try (Workspace annotator = TeamWorkspaces.createOrJoin(dir.resolve("annotator"), DatabaseUrl.parse(pg.url(database, role)))) {
      // a role that may not create runs: ensure finds the owner's run and copies the files here
      assertEquals(starterRun, StarterRun.ensure(annotator));
      assertTrue(Checkpoints.latest(annotator.runs().dir(starterRun)).isPresent(), "the checkpoint is on this machine");
      assertEquals(1, annotator.runs().list().size(), "no second run");
    }
  }
}
