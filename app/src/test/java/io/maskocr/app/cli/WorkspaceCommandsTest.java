package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.localpg.LocalPostgres;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandsTest {
  @TempDir Path tmp;

  @Test
  void aSoloWorkspaceMovesToPostgresqlAndBackWithEveryCommandWorkingOnIt() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    for (int i = 0; i < 4; i++) {
      ImageIO.write(new BufferedImage(20 + i, 8, BufferedImage.TYPE_BYTE_GRAY), "png",
          src.resolve("w'o\\rd" + i + "_" + i + ".png").toFile());
    }
    String solo = tmp.resolve("solo").toString();
    assertEquals(0, CliRun.of("import", src.toString(), "--dataset", "it's", "--label-pattern", "{label}_*.png",
        "-w", solo).exit());

    LocalPostgres pg = LocalPostgres.shared();
    String url = pg.url(pg.createDatabase("cli"), pg.superuser());
    CliRun copy = CliRun.of("workspace", "copy", "-w", solo, "--to", url, "--folder", tmp.resolve("team").toString());
    assertEquals(0, copy.exit(), copy.err());
    assertTrue(copy.out().matches("(?s).*label_history\\s+4\\s+4\\s+[0-9a-f]{16} ok.*"), copy.out());
    assertTrue(copy.out().contains("copied: workspace"), copy.out());
    assertFalse(Files.readString(tmp.resolve("team/database.url")).contains("password"));

    String team = tmp.resolve("team").toString();
    CliRun datasets = CliRun.of("datasets", "-w", team);
    assertTrue(datasets.out().matches("(?s).*it's\\s+4\\s+4.*"), datasets.out());
    CliRun info = CliRun.of("info", "-w", team);
    assertTrue(info.out().contains("PostgreSQL server 127.0.0.1:"), info.out());
    CliRun backup = CliRun.of("backup", "-w", team);
    assertEquals(1, backup.exit());
    assertTrue(backup.err().contains("pg_dump") && backup.err().contains("workspace copy --to DIR"), backup.err());

    CliRun joined = CliRun.of("workspace", "create", tmp.resolve("teammate").toString(), "--database", url);
    assertEquals(0, joined.exit(), joined.err());
    assertTrue(joined.out().startsWith("joined team workspace"), joined.out());
    Path exported = tmp.resolve("exported");
    assertEquals(0, CliRun.of("export", "--dataset", "it's", "--format", "folder", "--out", exported.toString(),
        "-w", tmp.resolve("teammate").toString()).exit(), "a teammate's empty image cache fills from the database");

    try (Workspace w = Workspace.open(tmp.resolve("teammate"))) {
      var d = w.datasets().require("it's");
      long first = w.samples().page(io.maskocr.engine.store.SampleQuery.of(d.id(), 1)).get(0).id();
      w.labels().append(new io.maskocr.engine.store.NewLabel(first, "w'o\\rd0", "ben",
          io.maskocr.engine.store.LabelSource.HUMAN));
    }
    CliRun none = CliRun.of("agreement", "--dataset", "it's", "-w", team);
    assertTrue(none.out().contains("has been reviewed by another person yet"), none.out());

    CliRun back = CliRun.of("workspace", "copy", "-w", team, "--to", tmp.resolve("back").toString());
    assertEquals(0, back.exit(), back.err());
    assertTrue(Files.exists(tmp.resolve("back/workspace.db")));
  }

  @Test
  void aPublishedCheckpointIsFetchedWhenATeammateNamesItsRun() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    String url = pg.url(pg.createDatabase("cli"), pg.superuser());
    long runId;
    try (Workspace trainer = Workspace.create(tmp.resolve("trainer"), DatabaseUrl.parse(url))) {
      runId = trainer.runs().create(new NewRun("r", "{}", 1, "{}", "", "box", java.util.List.of(), "")).id();
      Path folder = trainer.runs().dir(runId).resolve("checkpoints/5");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("model.params"), "weights");
      trainer.runs().addCheckpoint(runId, "finetune", 5, trainer.root().relativize(folder).toString(), "{}");
    }
    CliRun publish = CliRun.of("runs", "publish", Long.toString(runId), "-w", tmp.resolve("trainer").toString());
    assertEquals(0, publish.exit(), publish.err());
    assertTrue(publish.out().startsWith("published checkpoint"), publish.out());
    try (Workspace mate = Workspace.create(tmp.resolve("mate"), DatabaseUrl.parse(url))) {
      assertEquals(runId, RunArgument.resolve(mate, Long.toString(runId)));
      assertEquals("weights", Files.readString(mate.runs().dir(runId).resolve("checkpoints/5/model.params")));
    }
  }

  @Test
  void aPasswordInTheAddressIsRefusedBeforeAnythingIsWritten() {
    CliRun r = CliRun.of("workspace", "create", tmp.resolve("x").toString(), "--database",
        "postgresql://ana:secret@127.0.0.1:1/db");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("must not hold a password"), r.err());
    assertFalse(r.err().contains("secret"), r.err());
    assertFalse(Files.exists(tmp.resolve("x")));
  }
}
