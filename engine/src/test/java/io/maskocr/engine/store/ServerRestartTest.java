package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.localpg.LocalPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that goes away mid-session: a one-line error, nothing half-stored, and the retry works. */
class ServerRestartTest {
  @TempDir Path dir;

  @Test
  void aSaveWhileTheServerIsDownFailsClearlyAndTheSameSaveWorksWhenItIsBack() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      String url = pg.url(pg.createDatabase("restart"), pg.superuser());
      try (Workspace ws = Workspace.create(dir, DatabaseUrl.parse(url))) {
        Dataset d = ws.datasets().create("d");
        long id = StoreFixtures.addSamples(ws, d.id(), 1, "s").get(0);
        long seen = ws.labels().current(id).orElseThrow().id();
        NewLabel typed = new NewLabel(id, "typed while offline", "ana", LabelSource.HUMAN);

        pg.stop();
        StoreException e = assertThrows(StoreException.class, () -> ws.labels().save(typed, seen, null));
        assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL server 127.0.0.1:" + pg.port()), e.getMessage());
        assertTrue(e.getMessage().contains("nothing of this change was stored"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        pg.restart();
        SaveResult r = ws.labels().save(typed, seen, null); // the app's retry: same label, same workspace
        assertFalse(r.conflict());
        assertEquals("typed while offline", ws.labels().current(id).orElseThrow().text());
        assertEquals(2, ws.labels().history(id).size(), "stored once");
      }
    }
  }
}
