package io.maskocr.test.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.annotate.AnnotatorSettings;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Killing the app right after a save loses nothing": a separate JVM saves a label through the
 * Annotate view model and is killed (SIGKILL, no shutdown hooks, workspace never closed) the
 * moment it reports the save; the reopened workspace has the label, its author and time.
 */
class KillAfterSaveTest {
  @TempDir Path tmp;

  @Test
  void aLabelSavedJustBeforeTheProcessIsKilledIsInTheReopenedWorkspace() throws Exception {
    AnnotateSeed.create(tmp.resolve("ws"));
    Path annotator = tmp.resolve("annotator.json");
    new AnnotatorSettings("kim").save(annotator);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Djava.awt.headless=true", SaveThenWait.class.getName(), tmp.resolve("ws").toString(),
        annotator.toString(), "caffè latte")
        .redirectError(tmp.resolve("child.err").toFile())
        .start();
    String line;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
      p.destroyForcibly(); // right after the save: no clean shutdown, no close
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child did not die");
    assertTrue(p.exitValue() != 0, "the child was killed, not ended");
    assertTrue(line != null && line.startsWith("SAVED "), "child said: " + line + " (see " + tmp.resolve("child.err") + ")");
    long id = Long.parseLong(line.substring(6).trim());

    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertEquals("caffè latte", ws.samples().get(id).orElseThrow().label());
      List<LabelEntry> h = ws.labels().history(id);
      assertEquals(1, h.size());
      assertEquals(List.of("kim", LabelSource.HUMAN), List.of(h.get(0).author(), h.get(0).source()));
      assertTrue(h.get(0).time() != null);
    }
  }
}
