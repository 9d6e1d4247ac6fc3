package io.maskocr.app.cli.hostile;

import static io.maskocr.app.cli.hostile.HostileFiles.ascii;
import static io.maskocr.app.cli.hostile.HostileFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.io.SkipReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and awkward import sources, one named case each, driven through {@code maskocr import}
 * into a workspace that already holds a dataset. Policy under test: good items are imported, bad
 * ones are skipped with one stderr line each that names the file or list line and says what to
 * do, the command exits 1 when anything was skipped, and nothing stored before changes.
 */
class HostileImportTest {
  @TempDir Path tmp;

  /**
   * One import case.
   *
   * @param name shown as the test name
   * @param source builds the source under the given folder; returns the extra CLI arguments (SOURCE first)
   * @param imported new samples expected in dataset {@code incoming}
   * @param skipped where each skipped item is reported (file or list line) and why; empty = a clean import
   * @param labels expected original name -> label of the imported samples (null = do not check)
   */
  record Case(String name, Source source, int imported, Map<String, SkipReason> skipped, Map<String, String> labels) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Builds a source folder or file. */
  @FunctionalInterface
  interface Source {
    List<String> build(Path dir) throws Exception;
  }

  static Case valid(String name, Source s, Map<String, String> labels) {
    return new Case(name, s, labels.size(), Map.of(), labels);
  }

  static Case bad(String name, Source s, int imported, String where, SkipReason reason) {
    return new Case(name, s, imported, Map.of(where, reason), null);
  }

  /** A folder holding good.png plus {@code file} with {@code bytes}. */
  static Source folderWith(String file, byte[] bytes) {
    return dir -> {
      write(dir.resolve("good.png"), HostileFiles.png(101));
      write(dir.resolve(file), bytes);
      return List.of(dir.toString());
    };
  }

  /** A folder with images a.png (seed 1) and b.png (seed 2) and a labels.tsv with {@code list}. */
  static Source tsv(byte[] list) {
    return dir -> {
      write(dir.resolve("a.png"), HostileFiles.png(1));
      write(dir.resolve("b.png"), HostileFiles.png(2));
      write(dir.resolve("labels.tsv"), list);
      return List.of(dir.resolve("labels.tsv").toString());
    };
  }

  static Source tsv(String list) {
    return tsv(list.getBytes(StandardCharsets.UTF_8));
  }

  static Source jsonl(String list) {
    return dir -> {
      write(dir.resolve("a.png"), HostileFiles.png(1));
      write(dir.resolve("b.png"), HostileFiles.png(2));
      write(dir.resolve("labels.jsonl"), list);
      return List.of(dir.resolve("labels.jsonl").toString());
    };
  }

  /** A file outside every source folder, as a target for traversal and symlinks. */
  static Path outside(Path dir) {
    return write(dir.getParent().resolve("outside-secret.png"), HostileFiles.png(666));
  }

  static Source lmdb(Map<String, byte[]> entries) {
    return dir -> List.of(HostileFiles.lmdb(dir.resolve("lmdb"), entries).toString());
  }

  static Map<String, byte[]> lmdbEntries(Object... kv) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1] instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) kv[i + 1]);
    }
    return m;
  }

  static List<Case> cases() {
    byte[] png = HostileFiles.png(7);
    byte[] jpeg = HostileFiles.encode(HostileFiles.grey(8), "jpeg");
    List<Case> c = new ArrayList<>();
    // --- images
    c.add(bad("zero-byte-image", folderWith("empty.png", new byte[0]), 1, "empty.png", SkipReason.EMPTY));
    c.add(bad("truncated-png", folderWith("cut.png", HostileFiles.half(png)), 1, "cut.png", SkipReason.TRUNCATED));
    c.add(bad("truncated-jpeg", folderWith("cut.jpg", HostileFiles.half(jpeg)), 1, "cut.jpg", SkipReason.TRUNCATED));
    c.add(bad("decompression-bomb-100000x100000-png", folderWith("bomb.png", HostileFiles.bombPng(100_000, 100_000)),
        1, "bomb.png", SkipReason.TOO_LARGE));
    c.add(bad("text-file-named-png", folderWith("notes.png", ascii("hello, not an image\n")), 1, "notes.png",
        SkipReason.UNSUPPORTED));
    c.add(valid("png-16-bit", folderWith("deep_1.png", HostileFiles.png16(3)),
        Map.of("good.png", "", "deep_1.png", "")));
    c.add(valid("cmyk-jpeg", folderWith("cmyk_1.jpg", HostileFiles.cmykJpeg(4)),
        Map.of("good.png", "", "cmyk_1.jpg", "")));
    c.add(valid("palette-png", folderWith("pal_1.png", HostileFiles.palettePng(5)),
        Map.of("good.png", "", "pal_1.png", "")));
    c.add(valid("animated-gif-first-frame", folderWith("anim_1.gif", HostileFiles.sequence("gif", 3, 6)),
        Map.of("good.png", "", "anim_1.gif", "")));
    c.add(valid("multi-page-tiff-first-page", folderWith("pages_1.tif", HostileFiles.sequence("tiff", 3, 9)),
        Map.of("good.png", "", "pages_1.tif", "")));
    c.add(valid("png-bytes-named-jpg", folderWith("liar_1.jpg", HostileFiles.png(10)),
        Map.of("good.png", "", "liar_1.jpg", "")));
    c.add(new Case("symlink-to-file-outside-folder", dir -> {
      write(dir.resolve("good.png"), HostileFiles.png(101));
      Files.createSymbolicLink(dir.resolve("link.png"), outside(dir));
      return List.of(dir.toString());
    }, 1, Map.of("link.png", SkipReason.PATH_OUTSIDE_ROOT), null));
    // --- paths and encodings
    c.add(bad("tsv-path-traversal", dir -> {
      outside(dir);
      return tsv("a.png\tok\n../outside-secret.png\tx\n").build(dir);
    }, 1, "labels.tsv:2", SkipReason.PATH_OUTSIDE_ROOT));
    c.add(bad("tsv-absolute-path-etc-passwd", tsv("a.png\tok\n/etc/passwd\tx\n"), 1, "labels.tsv:2",
        SkipReason.PATH_OUTSIDE_ROOT));
    c.add(bad("jsonl-path-traversal", dir -> {
      outside(dir);
      return jsonl("{\"filename\":\"a.png\",\"text\":\"ok\"}\n{\"filename\":\"sub/../../outside-secret.png\",\"text\":\"x\"}\n")
          .build(dir);
    }, 1, "labels.jsonl:2", SkipReason.PATH_OUTSIDE_ROOT));
    c.add(bad("jsonl-absolute-path-etc-passwd",
        jsonl("{\"filename\":\"a.png\",\"text\":\"ok\"}\n{\"filename\":\"/etc/passwd\",\"text\":\"x\"}\n"), 1,
        "labels.jsonl:2", SkipReason.PATH_OUTSIDE_ROOT));
    c.add(bad("tsv-symlink-leaving-folder", dir -> {
      List<String> args = tsv("a.png\tok\nlink.png\tx\n").build(dir);
      Files.createSymbolicLink(dir.resolve("link.png"), outside(dir));
      return args;
    }, 1, "labels.tsv:2", SkipReason.PATH_OUTSIDE_ROOT));
    c.add(valid("lmdb-keys-with-traversal-are-never-paths", lmdb(lmdbEntries(
        "num-samples", "1", "image-000000001", png, "label-000000001", "ok",
        "../../evil.png", png, "/etc/passwd", png, "image-../../x", png)), Map.of("image-000000001", "ok")));
    c.add(bad("lmdb-missing-image-key", lmdb(lmdbEntries(
        "num-samples", "2", "image-000000001", png, "label-000000001", "ok", "label-000000002", "gone")),
        1, "image-000000002", SkipReason.MISSING_FILE));
    c.add(bad("lmdb-label-not-utf8", lmdb(lmdbEntries(
        "num-samples", "2", "image-000000001", png, "label-000000001", "ok",
        "image-000000002", HostileFiles.png(11), "label-000000002", new byte[] {'c', 'a', 'f', (byte) 0xE9})),
        1, "label-000000002", SkipReason.BAD_LABEL_ENCODING));
    c.add(valid("chinese-file-names", dir -> {
      write(dir.resolve("中文_1.png"), HostileFiles.png(12));
      write(dir.resolve("路标_2.png"), HostileFiles.png(13));
      return List.of(dir.toString(), "--label-pattern", "{label}_*.png");
    }, Map.of("中文_1.png", "中文", "路标_2.png", "路标")));
    c.add(valid("file-names-with-spaces", dir -> {
      write(dir.resolve("my word 1.png"), HostileFiles.png(14));
      write(dir.resolve("labels.tsv"), "my word 1.png\thello world\n");
      return List.of(dir.resolve("labels.tsv").toString());
    }, Map.of("my word 1.png", "hello world")));
    c.add(valid("file-name-with-newline", dir -> {
      write(dir.resolve("two\nlines_1.png"), HostileFiles.png(15));
      write(dir.resolve("plain_2.png"), HostileFiles.png(16));
      write(dir.resolve("labels.jsonl"), "{\"filename\":\"two\\nlines_1.png\",\"text\":\"two lines\"}\n"
          + "{\"filename\":\"plain_2.png\",\"text\":\"plain\"}\n");
      return List.of(dir.resolve("labels.jsonl").toString());
    }, Map.of("two\nlines_1.png", "two lines", "plain_2.png", "plain")));
    c.add(bad("tsv-invalid-utf8-label", tsv(concat("a.png\tok\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {'b', '.', 'p', 'n', 'g', '\t', 'c', 'a', 'f', (byte) 0xE9, '\n'})), 1, "labels.tsv:2",
        SkipReason.BAD_LABEL_ENCODING));
    c.add(valid("tsv-with-bom", tsv(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "a.png\tbom\nb.png\tfine\n".getBytes(StandardCharsets.UTF_8))), Map.of("a.png", "bom", "b.png", "fine")));
    c.add(valid("tsv-crlf-line-ends", tsv("a.png\tone\r\nb.png\ttwo\r\n"), Map.of("a.png", "one", "b.png", "two")));
    c.add(bad("label-with-nul-byte", tsv("a.png\tok\nb.png\tbad\u0000label\n"), 1, "labels.tsv:2",
        SkipReason.BAD_LABEL));
    c.add(bad("label-with-control-characters", tsv("a.png\tok\nb.png\t\u001b[31mred\u0007\n"), 1, "labels.tsv:2",
        SkipReason.BAD_LABEL));
    c.add(bad("label-100000-characters", tsv("a.png\tok\nb.png\t" + "x".repeat(100_000) + "\n"), 1, "labels.tsv:2",
        SkipReason.BAD_LABEL));
    c.add(bad("empty-label", tsv("a.png\tok\nb.png\t\n"), 1, "labels.tsv:2", SkipReason.BAD_LABEL));
    c.add(bad("same-file-listed-twice", tsv("a.png\tfirst\na.png\tsecond\nb.png\tb\n"), 2, "labels.tsv:2",
        SkipReason.DUPLICATE_ENTRY));
    c.add(bad("jsonl-malformed-line", jsonl("{\"filename\":\"a.png\",\"text\":\"ok\"}\n{\"filename\": \"b.png\",\n"),
        1, "labels.jsonl:2", SkipReason.BAD_LINE));
    c.add(bad("listed-file-missing", tsv("a.png\tok\nnope.png\tx\n"), 1, "labels.tsv:2", SkipReason.MISSING_FILE));
    return c;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileImport(Case c) throws Exception {
    Path ws = BaseWorkspace.create(tmp);
    Snapshot before = Snapshot.of(ws);
    Path src = tmp.resolve("case").resolve("src");
    Files.createDirectories(src);
    List<String> args = new ArrayList<>(List.of("import"));
    args.addAll(c.source().build(src));
    args.addAll(List.of("--dataset", "incoming", "-w", ws.toString()));

    Cli run = Cli.run(args.toArray(String[]::new));

    String why = "exit " + run.exit() + "\nstderr:\n" + run.err() + "\nstdout:\n" + run.out();
    run.assertNoTrace();
    Snapshot after = Snapshot.of(ws);
    after.assertKeeps(before);
    assertEquals(c.imported(), after.count("samples") - before.count("samples"), why);
    if (c.skipped().isEmpty()) {
      assertEquals(0, run.exit(), why);
      assertTrue(run.errLines().isEmpty(), why);
    } else {
      assertEquals(1, run.exit(), "anything skipped exits 1 so scripts notice\n" + why);
      List<String> lines = run.errLines();
      assertEquals(c.skipped().size() + 1, lines.size(), "one line per skipped item plus the verdict\n" + why);
      c.skipped().forEach((where, reason) -> {
        List<String> hits = lines.stream().filter(l -> l.contains("skipped " + where)).toList();
        assertEquals(1, hits.size(), where + "\n" + why);
        assertTrue(hits.get(0).contains(reason.text()) && hits.get(0).contains(reason.hint()), hits.get(0));
      });
      String verdict = lines.get(lines.size() - 1);
      assertTrue(verdict.startsWith("maskocr import: " + c.skipped().size() + " skipped"), verdict);
    }
    if (c.labels() != null) {
      assertEquals(new TreeMap<>(c.labels()), labels(ws, "incoming"), why);
    }
    try (Stream<Path> s = Files.walk(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("evil.png") || p.getFileName().toString().equals("passwd")),
          "a key or path became a file name");
    }
  }

  /** Original name -> current label ("" for unlabeled) of a dataset, straight from SQLite. */
  static Map<String, String> labels(Path ws, String dataset) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("workspace.db"));
        var ps = c.prepareStatement("SELECT s.original_name, s.label FROM samples s JOIN datasets d ON d.id = s.dataset_id"
            + " WHERE d.name = ?")) {
      ps.setString(1, dataset);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getString(2) == null ? "" : r.getString(2));
        }
      }
    }
    return out;
  }
}
