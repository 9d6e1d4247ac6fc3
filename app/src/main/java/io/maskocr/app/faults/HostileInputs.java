package io.maskocr.app.faults;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.function.Consumer;

/**
 * The hostile-input part of {@code bench faults}: bad images, paths, labels and recipes fed to
 * the real CLI in-process against a workspace that already holds data. A case passes when the
 * command exits 1 or 2, names the bad file in a line without a stack trace, and the stored data
 * is unchanged (counts and every split's fingerprint over image hashes and label entries). The
 * full set of 65 cases is the test suite ({@code app/src/test/.../cli/hostile/}); this is the
 * part a user can run on an installed build.
 */
public final class HostileInputs {
  /** What the cases gave. */
  public record Result(int tried, int clearError, int stateChanged, List<String> findings) {}

  private record Case(String name, String file, String[] args) {}

  private HostileInputs() {}

  /** Runs the CLI in-process on its arguments. */
  @FunctionalInterface
  public interface Cli {
    CommandRun run(String... args);
  }

  /**
   * Runs every case in {@code work} (an empty folder).
   *
   * @param cli the real command line, in-process (the caller owns it: this package sits below the CLI)
   */
  public static Result run(Path work, Cli cli, Consumer<String> log) throws IOException {
    Path ws = work.resolve("ws");
    Path good = work.resolve("good");
    Files.createDirectories(good);
    Files.write(good.resolve("a.png"), png(40, 16));
    Files.writeString(good.resolve("labels.tsv"), "a.png\tgood\n");
    cli.run("import", good.toString(), "--dataset", "kept", "-w", ws.toString());
    List<Case> cases = cases(work, ws);
    int clear = 0;
    int changed = 0;
    List<String> findings = new ArrayList<>();
    for (Case c : cases) {
      List<String> existing = datasetNames(ws);
      String before = state(ws, existing);
      CommandRun out = cli.run(c.args());
      String after = state(ws, existing);
      int exit = out.exit();
      String text = out.text();
      boolean named = text.contains(c.file());
      boolean trace = text.contains("\tat ") || text.contains("Exception in thread");
      boolean ok = (exit == 1 || exit == 2) && named && !trace;
      if (ok) {
        clear++;
      } else {
        findings.add(c.name() + ": exit " + exit + (named ? "" : ", the message does not name " + c.file())
            + (trace ? ", a stack trace" : "") + ": " + firstLine(out.err().isBlank() ? out.out() : out.err()));
      }
      if (!before.equals(after)) {
        changed++;
        findings.add(c.name() + ": the stored data changed");
      }
      log.accept("hostile " + c.name() + ": exit " + exit + (ok ? ", clear" : ", NOT clear")
          + (before.equals(after) ? "" : ", STATE CHANGED"));
    }
    return new Result(cases.size(), clear, changed, findings);
  }

  private static List<Case> cases(Path work, Path ws) throws IOException {
    List<Case> cases = new ArrayList<>();
    String w = ws.toString();
    // images, each alone in a folder imported with a labels.tsv naming it
    cases.add(importOne(work, w, "zero-byte image", "zero.png", new byte[0]));
    byte[] png = png(40, 16);
    cases.add(importOne(work, w, "truncated image", "cut.png", java.util.Arrays.copyOf(png, png.length / 2)));
    cases.add(importOne(work, w, "decompression bomb", "bomb.png", bomb()));
    cases.add(importOne(work, w, "text named .png", "text.png", "not an image".getBytes(StandardCharsets.UTF_8)));
    // lists that point outside their folder, or hold bad labels
    cases.add(importList(work, w, "path traversal in TSV", "../../outside.png\tx\n", "outside.png"));
    cases.add(importList(work, w, "absolute path in TSV", "/etc/passwd\tx\n", "/etc/passwd"));
    cases.add(importList(work, w, "NUL in a label", "a.png\tab\u0000c\n", "a.png"));
    cases.add(importList(work, w, "100,000-character label", "a.png\t" + "x".repeat(100_000) + "\n", "a.png"));
    cases.add(importList(work, w, "empty label", "a.png\t\n", "a.png"));
    cases.add(importList(work, w, "file listed twice", "a.png\tone\na.png\ttwo\n", "a.png"));
    Path utf = work.resolve("bad-utf8");
    Files.createDirectories(utf);
    Files.write(utf.resolve("a.png"), png);
    Files.write(utf.resolve("labels.tsv"), new byte[] {'a', '.', 'p', 'n', 'g', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
    cases.add(new Case("invalid UTF-8 label", "labels.tsv", new String[] {"import", utf.toString(), "--dataset", "u", "--format", "tsv", "-w", w}));
    // recipes
    cases.add(recipe(work, w, "unknown recipe key", "{\"name\":\"r\",\"stages\":[{\"type\":\"finetune\",\"stepz\":5}]}"));
    cases.add(recipe(work, w, "negative learning rate", "{\"name\":\"r\",\"stages\":[{\"type\":\"finetune\",\"steps\":5,\"lr\":-1}]}"));
    cases.add(recipe(work, w, "NaN learning rate", "{\"name\":\"r\",\"stages\":[{\"type\":\"finetune\",\"steps\":5,\"lr\":\"NaN\"}]}"));
    cases.add(recipe(work, w, "zero steps", "{\"name\":\"r\",\"stages\":[{\"type\":\"finetune\",\"steps\":0}]}"));
    cases.add(recipe(work, w, "missing dataset", "{\"name\":\"r\",\"stages\":[{\"type\":\"finetune\",\"steps\":5,"
        + "\"data\":[{\"kind\":\"split\",\"dataset\":\"nope\",\"split\":\"train\"}]}]}"));
    cases.add(recipe(work, w, "recipe that is not JSON", "stages: finetune"));
    return cases;
  }

  private static Case importOne(Path work, String ws, String name, String file, byte[] bytes) throws IOException {
    Path dir = Files.createDirectories(work.resolve("case-" + Math.abs(name.hashCode())));
    Files.write(dir.resolve(file), bytes);
    Files.writeString(dir.resolve("labels.tsv"), file + "\tword\n");
    return new Case(name, file, new String[] {"import", dir.toString(), "--dataset", "bad", "--format", "tsv", "-w", ws});
  }

  private static Case importList(Path work, String ws, String name, String tsv, String file) throws IOException {
    Path dir = Files.createDirectories(work.resolve("case-" + Math.abs(name.hashCode())));
    Files.write(dir.resolve("a.png"), png(40, 16));
    Files.writeString(dir.resolve("labels.tsv"), tsv, StandardCharsets.UTF_8);
    return new Case(name, file, new String[] {"import", dir.toString(), "--dataset", "bad", "--format", "tsv", "-w", ws});
  }

  private static Case recipe(Path work, String ws, String name, String json) throws IOException {
    Path f = work.resolve("recipe-" + Math.abs(name.hashCode()) + ".json");
    Files.writeString(f, json);
    return new Case(name, f.getFileName().toString(), new String[] {"train", "--recipe", f.toString(), "-w", ws});
  }

  private static List<String> datasetNames(Path root) {
    try (Workspace ws = Workspace.open(root)) {
      return ws.datasets().list().stream().map(Dataset::name).toList();
    }
  }

  /**
   * What was stored before a case: the given datasets' splits, each as a fingerprint over its
   * image hashes and label entries in order, plus the runs. A new dataset holding the good items
   * of a partly bad import is not a change to what was stored.
   */
  private static String state(Path root, List<String> datasets) {
    try (Workspace ws = Workspace.open(root)) {
      StringBuilder sb = new StringBuilder("runs " + ws.counts().runs());
      for (String name : datasets) {
        Dataset d = ws.datasets().require(name);
        for (Split s : Split.values()) {
          sb.append('|').append(d.name()).append(':').append(ws.samples().fingerprint(d.id(), s));
        }
      }
      return sb.toString();
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private static byte[] png(int w, int h) throws IOException {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** A PNG header that claims 100,000 x 100,000 pixels (a few dozen bytes). */
  private static byte[] bomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0).array();
    chunk(out, "IHDR", ihdr);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
