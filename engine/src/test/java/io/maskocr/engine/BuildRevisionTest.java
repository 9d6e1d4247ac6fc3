package io.maskocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildRevisionTest {
  private static BuildRevision read(String text) {
    return BuildRevision.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void theBuildRecordedItsCommitWhenBuiltFromACheckout() {
    // tests run in the engine folder; a clone or worktree has .git one level up, a tarball none
    boolean checkout = java.nio.file.Files.exists(java.nio.file.Path.of("..", ".git"));
    String commit = BuildRevision.current().commit();
    assertTrue(checkout ? commit.matches("[0-9a-f]{40}") : commit.equals("unknown"), BuildRevision.current().toString());
  }

  @Test
  void readsCommitAndDirtyFlag() {
    String id = "0123456789abcdef0123456789abcdef01234567";
    BuildRevision clean = read("git.commit.id.full=" + id + "\ngit.dirty=false\n");
    assertEquals(id, clean.commit());
    assertFalse(clean.dirty());
    assertEquals(id, clean.describe());
    BuildRevision dirty = read("git.commit.id.full=" + id + "\ngit.dirty=true\n");
    assertTrue(dirty.dirty());
    assertEquals(id + " (dirty)", dirty.describe());
  }

  @Test
  void aBuildWithoutGitSaysUnknown() {
    assertEquals(new BuildRevision("unknown", false), BuildRevision.load(null), "no resource (source tarball)");
    assertEquals("unknown", read("git.dirty=true\n").commit(), "no commit id");
    assertEquals("unknown", read("git.commit.id.full=${git.commit.id.full}\n").commit(), "unfiltered placeholder");
  }
}
