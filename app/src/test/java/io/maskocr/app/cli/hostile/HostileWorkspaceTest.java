package io.maskocr.app.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace in a hostile state (read-only, locked, newer, missing images, damaged weights,
 * full disk): every command ends with one line naming the file and what to do, exit 1, and
 * leaves what is stored as it was.
 */
class HostileWorkspaceTest {
  @TempDir Path tmp;

  private Path ws;

  private Path base() {
    ws = BaseWorkspace.create(tmp);
    return ws;
  }

  private Path newImages() {
    Path src = tmp.resolve("more");
    HostileFiles.write(src.resolve("delta_1.png"), HostileFiles.png(301));
    HostileFiles.write(src.resolve("epsilon_2.png"), HostileFiles.png(302));
    return src;
  }

  @Test
  void readOnlyWorkspace() throws Exception {
    // a read-only file system: chmod would not stop root, a read-only mount stops everyone
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("ro-disk"), "4m")) {
      assumeTrue(disk != null, "cannot mount a tmpfs here (needs mount rights): read-only case not staged");
      ws = BaseWorkspace.create(disk.dir());
      Snapshot before = Snapshot.of(ws);
      assumeTrue(disk.remountReadOnly(), "cannot remount the tmpfs read-only");
      assertFalse(Files.isWritable(ws.resolve("workspace.db")));
      Cli run = Cli.run("import", newImages().toString(), "--dataset", "more", "-w", ws.toString());
      run.assertOneLineFailure(1, "import", ws.toString(), "read-only");
      Snapshot.of(ws).assertSameAs(before);
    }
  }

  @Test
  void databaseLockedByAnotherProcess() throws Exception {
    base();
    Snapshot before = Snapshot.of(ws);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("workspace.db"));
        Statement st = other.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      Cli run = Cli.run("import", newImages().toString(), "--dataset", "more", "-w", ws.toString());
      run.assertOneLineFailure(1, "import", "workspace.db", "locked", "try again");
      st.execute("ROLLBACK");
    }
    Snapshot after = Snapshot.of(ws);
    assertEquals(before.rows(), after.rows(), "no row may change while the database is locked");
    after.assertKeeps(before);
  }

  @Test
  void workspaceFromANewerSchemaIsRefusedUntouched() throws Exception {
    base();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("workspace.db"));
        Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version = 999");
    }
    Snapshot before = Snapshot.of(ws);
    Cli list = Cli.run("datasets", "-w", ws.toString());
    list.assertOneLineFailure(1, "datasets", ws.toString(), "999", "update the application");
    Cli imp = Cli.run("import", newImages().toString(), "--dataset", "more", "-w", ws.toString());
    imp.assertOneLineFailure(1, "import", ws.toString(), "999");
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void exportWithADeletedImageNamesItAndLeavesNoOutput() throws Exception {
    base();
    Path victim;
    try (Stream<Path> s = Files.walk(ws.resolve("images"))) {
      victim = s.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
    Files.delete(victim);
    Snapshot before = Snapshot.of(ws);
    Path out = tmp.resolve("export");
    Cli run = Cli.run("export", "--dataset", "base", "--out", out.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "export", victim.getFileName().toString(), "maskocr check");
    assertFalse(Files.exists(out), "no half export under the target name");
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".partial")), "partial folder left behind");
    }
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void predictOnADeletedImageFile() throws Exception {
    base();
    Path img = HostileFiles.write(tmp.resolve("word.png"), HostileFiles.png(5));
    Files.delete(img);
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("predict", "--run", "starter", img.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "predict", img.toString());
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void predictOnADecompressionBombIsRefusedBeforeDecoding() throws Exception {
    base();
    Path bomb = HostileFiles.write(tmp.resolve("bomb.png"), HostileFiles.bombPng(100_000, 100_000));
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("predict", "--run", "starter", bomb.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "predict", bomb.toString(), "too large", "downscale");
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void predictOnAZeroByteImage() throws Exception {
    base();
    Path empty = HostileFiles.write(tmp.resolve("empty.png"), new byte[0]);
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("predict", "--run", "starter", empty.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "predict", empty.toString(), "empty file");
    Snapshot.of(ws).assertSameAs(before);
  }

  /** Registers the starter as a run (first predict) and returns its newest weights.bin. */
  private Path starterWeights(Path img) throws Exception {
    Cli ok = Cli.run("predict", "--run", "starter", img.toString(), "-w", ws.toString());
    assertEquals(0, ok.exit(), ok.err());
    try (Stream<Path> s = Files.walk(ws.resolve("runs"))) {
      return s.filter(p -> p.getFileName().toString().equals("weights.bin")).findFirst().orElseThrow();
    }
  }

  @Test
  void predictWithTruncatedWeights() throws Exception {
    base();
    Path img = HostileFiles.write(tmp.resolve("word.png"), HostileFiles.png(5));
    Path weights = starterWeights(img);
    try (RandomAccessFile f = new RandomAccessFile(weights.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("predict", "--run", "starter", img.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "predict", weights.toString(), "truncated");
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void predictWithGarbageWeights() throws Exception {
    base();
    Path img = HostileFiles.write(tmp.resolve("word.png"), HostileFiles.png(5));
    Path weights = starterWeights(img);
    Files.write(weights, "this is not a tensor file at all".getBytes());
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("predict", "--run", "starter", img.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "predict", weights.toString(), "not a MaskOCR tensor file");
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void predictWithWeightsClaimingAHugeTensor() throws Exception {
    base();
    Path img = HostileFiles.write(tmp.resolve("word.png"), HostileFiles.png(5));
    Path weights = starterWeights(img);
    // keep magic and version, then one tensor whose shape claims 500 M floats (2 GB) in a tiny file
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(weights), 8);
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(b)) {
      out.write(head);
      out.writeInt(1);
      out.writeUTF("encoder.huge");
      out.writeInt(1);
      out.writeLong(500_000_000L);
      out.writeInt(500_000_000);
      out.write(new byte[64]);
    }
    Files.write(weights, b.toByteArray());
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("predict", "--run", "starter", img.toString(), "-w", ws.toString());
    run.assertOneLineFailure(1, "predict", weights.toString(), "damaged");
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void lmdbWhoseCountOverclaimsIsRefusedAsAWhole() throws Exception {
    base();
    Path lmdb = HostileFiles.lmdb(tmp.resolve("lmdb"), Map.of(
        "num-samples", HostileFiles.ascii("9000000000000000000"),
        "image-000000001", HostileFiles.png(3), "label-000000001", HostileFiles.ascii("ok")));
    Snapshot before = Snapshot.of(ws);
    Cli run = Cli.run("import", lmdb.toString(), "--dataset", "more", "-w", ws.toString());
    run.assertOneLineFailure(1, "import", lmdb.toString(), "num-samples", "write the real sample count");
    Snapshot.of(ws).assertSameAs(before);
  }

  @Test
  void diskFullWhileImporting() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(tmp.resolve("small-disk"), "2m")) {
      assumeTrue(disk != null, "cannot mount a small tmpfs here (needs mount rights): disk-full case not staged");
      ws = BaseWorkspace.create(disk.dir());
      Snapshot before = Snapshot.of(ws);
      // fill the disk to the last byte
      Path filler = disk.dir().resolve("filler");
      try (var out = Files.newOutputStream(filler)) {
        byte[] chunk = new byte[64 << 10];
        while (true) {
          out.write(chunk);
        }
      } catch (java.io.IOException full) {
        // ENOSPC: the disk is full
      }
      Path src = tmp.resolve("big");
      for (int i = 0; i < 4; i++) {
        HostileFiles.write(src.resolve("noise_" + i + ".png"), noisePng(i));
      }
      Cli run = Cli.run("import", src.toString(), "--dataset", "more", "-w", ws.toString());
      Files.delete(filler);
      run.assertOneLineFailure(1, "import", ws.toString(), "free disk space");
      Snapshot after = Snapshot.of(ws);
      assertEquals(before.rows(), after.rows());
      assertEquals(before.files(), after.files(), "no half-written image left in images/");
    }
  }

  private static byte[] noisePng(int seed) {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.util.Random r = new java.util.Random(seed);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        img.setRGB(x, y, r.nextInt());
      }
    }
    return HostileFiles.encode(img, "png");
  }

}
