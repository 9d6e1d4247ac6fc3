package io.maskocr.app.faults;

import io.maskocr.engine.Sha256;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.io.ExportRequest;
import io.maskocr.engine.io.Exporter;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StarterModel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Kills real child JVMs ({@link FaultWorkload}) with SIGKILL at seeded random moments while
 * they annotate, import, export, train or predict, and counts after each kill what the
 * workspace lost of what the child had acknowledged: labels (and imports, predictions) gone,
 * SQLite integrity failures, half-written exports or checkpoints taken as complete, and
 * training that does not resume at its saved step.
 */
public final class FaultSuite {
  /** The dataset the workloads work on. */
  static final String DATASET = "faults";
  /** Every operation the suite knows, in the order it runs them. */
  public static final List<String> OPERATIONS = List.of("annotate", "import", "export", "train", "predict", "finetune");

  /** What the kills did. */
  public record Report(long kills, long labelsLost, long integrityFailures, long tornFiles, long resumeMismatches,
      Map<String, Long> killsPerOperation, List<String> findings) {}

  private final Path work;
  private final long seed;
  private final int killsPerOperation;
  private final Consumer<String> log;
  private final List<String> findings = new ArrayList<>();
  private long kills;
  /** Distinct acknowledged items found missing (an item stays lost in later checks: counted once). */
  private final java.util.Set<String> lost = new java.util.LinkedHashSet<>();
  /** Distinct files found half-written but taken as complete. */
  private final java.util.Set<String> torn = new java.util.LinkedHashSet<>();
  private long integrityFailures;
  private long resumeMismatches;
  private long lastCheckpointStep = 0;

  /**
   * @param work an empty folder for the workspaces (deleted by the caller)
   * @param killsPerOperation SIGKILLs per operation
   * @param log progress lines (may print)
   */
  public FaultSuite(Path work, long seed, int killsPerOperation, Consumer<String> log) {
    this.work = work;
    this.seed = seed;
    this.killsPerOperation = killsPerOperation;
    this.log = log;
  }

  /** Runs the given operations ({@link #OPERATIONS} names). */
  public Report run(List<String> operations) throws Exception {
    Map<String, Long> per = new LinkedHashMap<>();
    for (String op : operations) {
      if (!OPERATIONS.contains(op)) {
        throw new IllegalArgumentException("unknown operation '" + op + "': choose from " + OPERATIONS);
      }
      if ((op.equals("predict") || op.equals("finetune")) && StarterModel.directory().isEmpty()) {
        findings.add(op + " skipped: no starter model in this installation to start from");
        continue;
      }
      long before = kills;
      runOperation(op);
      per.put(op, kills - before);
    }
    return new Report(kills, lost.size(), integrityFailures, torn.size(), resumeMismatches, per, List.copyOf(findings));
  }

  private void runOperation(String op) throws Exception {
    Path dir = work.resolve(op);
    Path root = dir.resolve("ws");
    try (Workspace ws = Workspace.open(root)) {
      seedDataset(ws, op.equals("predict") ? 400 : 60, op.equals("finetune") ? 4 : 0);
      if (op.equals("import")) {
        writeImportSource(dir.resolve("sources").resolve("tsv"), 150);
        // the LMDB source is an export of the seeded dataset in the layout other training code reads
        new Exporter(ws).run(new ExportRequest(DATASET, ImportFormat.LMDB, dir.resolve("sources").resolve("lmdb"), null),
            null, null);
      }
    }
    Path arg = switch (op) {
      case "import" -> dir.resolve("sources");
      case "export" -> Files.createDirectories(dir.resolve("exports"));
      default -> null;
    };
    SplittableRandom random = new SplittableRandom(seed ^ op.hashCode());
    List<String> acks = new ArrayList<>();
    Map<Long, Double> resumedLosses = new LinkedHashMap<>();
    for (int k = 0; k < killsPerOperation; k++) {
      long delayMs = switch (op) {
        case "annotate" -> 50 + random.nextInt(600);
        case "train" -> random.nextInt(6000);
        case "predict" -> random.nextInt(3000);
        case "finetune" -> random.nextInt(20_000);
        default -> 100 + random.nextInt(2500);
      };
      Child child = Child.start(op, root, seed + k, arg);
      child.expectedResume = lastCheckpointStep;
      child.awaitReady();
      Thread.sleep(delayMs);
      child.kill();
      kills++;
      acks.addAll(child.acks());
      verify(op, root, arg, acks, child);
      if (child.firstLossStep > 0) {
        resumedLosses.put(child.firstLossStep, child.firstLoss);
      }
      log.accept(String.format("%s: kill %d/%d after %d ms, %d acknowledged so far; lost %d, integrity %d, torn %d,"
          + " resume %d", op, k + 1, killsPerOperation, delayMs, acks.size(), lost.size(), integrityFailures, torn.size(),
          resumeMismatches));
    }
    if (op.equals("train")) {
      compareWithUninterrupted(dir.resolve("reference"), resumedLosses);
    }
  }

  /**
   * Trains the same recipe without kills and compares each killed child's first loss after its
   * resume with the uninterrupted run's loss at that step: equal only when the weights, the
   * optimizer state and the data order all came back as they were.
   */
  private void compareWithUninterrupted(Path root, Map<Long, Double> resumed) throws Exception {
    long last = resumed.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    if (last == 0) {
      return;
    }
    try (Workspace ws = Workspace.open(root)) {
      seedDataset(ws, 60, 0);
    }
    Child ref = Child.start("train", root, seed, null, true);
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!ref.allLosses.containsKey(last) && System.nanoTime() < until && ref.process.isAlive()) {
      Thread.sleep(200);
    }
    ref.kill();
    for (var e : resumed.entrySet()) {
      Double expected = ref.allLosses.get(e.getKey());
      if (expected == null) {
        findings.add("train: step " + e.getKey() + " not reached by the uninterrupted run in 10 minutes; not compared");
      } else if (Math.abs(expected - e.getValue()) > 1e-5 * Math.max(1, Math.abs(expected))) {
        resumeMismatches++;
        findings.add("train: the first step after a resume (" + e.getKey() + ") had loss " + e.getValue()
            + ", the uninterrupted run " + expected + ": state or data order differ");
      }
    }
    log.accept("train: " + resumed.size() + " resumes compared with an uninterrupted run up to step " + last);
  }

  private void verify(String op, Path root, Path arg, List<String> acks, Child child) throws Exception {
    try (Workspace ws = Workspace.open(root)) {
      if (!ws.maintenance().integrityProblems().isEmpty()) {
        integrityFailures++;
        findings.add(op + ": integrity_check failed: " + ws.maintenance().integrityProblems());
      }
      switch (op) {
        case "annotate" -> verifyLabels(ws, acks);
        case "import" -> verifyImports(ws, acks);
        case "export" -> verifyExports(ws, arg, acks);
        case "train" -> verifyCheckpoints(ws, acks, child);
        case "predict" -> verifyPredictions(ws, acks);
        case "finetune" -> verifyFinetunes(ws, acks);
        default -> throw new IllegalStateException(op);
      }
    }
  }

  /** Every acknowledged label entry exists, and each sample's current label is it or newer. */
  private void verifyLabels(Workspace ws, List<String> acks) {
    Map<Long, Long> lastAcked = new LinkedHashMap<>();
    for (String a : acks) {
      String[] f = a.split(" ");
      long sample = Long.parseLong(f[2]);
      long entry = Long.parseLong(f[3]);
      lastAcked.merge(sample, entry, Math::max);
    }
    for (var e : lastAcked.entrySet()) {
      List<LabelEntry> history = ws.labels().history(e.getKey());
      Optional<LabelEntry> current = ws.labels().current(e.getKey());
      if (history.stream().noneMatch(h -> h.id() == e.getValue()) || current.isEmpty()
          || current.get().id() < e.getValue()) {
        if (lost.add("label " + e.getKey() + " " + e.getValue())) {
          findings.add("annotate: sample " + e.getKey() + " lost acknowledged label entry " + e.getValue());
        }
      }
    }
  }

  private void verifyImports(Workspace ws, List<String> acks) throws IOException {
    for (String a : acks) {
      String[] f = a.split(" ");
      Optional<Dataset> d = ws.datasets().find(f[2]);
      long count = d.map(x -> ws.datasets().stats(x.id()).samples()).orElse(0L);
      if (count != Long.parseLong(f[3]) && lost.add("import " + f[2])) {
        findings.add("import: acknowledged dataset " + f[2] + " has " + count + " samples, not " + f[3]);
      }
    }
    for (Dataset d : ws.datasets().list()) {
      for (var s : ws.samples().page(io.maskocr.engine.store.SampleQuery.of(d.id(), 10_000))) {
        Path p = ws.images().path(s);
        if ((!Files.isRegularFile(p) || !sha256(Files.readAllBytes(p)).equals(s.sha256())) && torn.add(p.toString())) {
          findings.add("import: " + p + " is named by sample " + s.id() + " but is missing or torn");
        }
      }
    }
  }

  /** Each visible export folder is complete; acknowledged ones exist. */
  private void verifyExports(Workspace ws, Path exports, List<String> acks) throws IOException {
    long size = ws.datasets().stats(ws.datasets().require(DATASET).id()).samples();
    try (Stream<Path> s = Files.list(exports)) {
      for (Path dir : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        Path labels = dir.resolve("labels.tsv");
        long lines = Files.isRegularFile(labels) ? Files.readAllLines(labels).stream().filter(l -> !l.isBlank()).count() : -1;
        long images;
        try (Stream<Path> files = Files.walk(dir)) {
          images = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("labels.tsv")).count();
        }
        if ((lines != size || images != size) && torn.add(dir.toString())) {
          findings.add("export: " + dir + " looks like an export but holds " + lines + " labels and " + images
              + " images of " + size);
        }
      }
    }
    for (String a : acks) {
      if (!Files.isDirectory(Path.of(a.split(" ")[2])) && lost.add(a)) {
        findings.add("export: acknowledged export " + a.split(" ")[2] + " is gone");
      }
    }
  }

  /** Every listed checkpoint loads; the next child resumes right after the newest. */
  private void verifyCheckpoints(Workspace ws, List<String> acks, Child child) {
    if (ws.runs().list().isEmpty()) {
      return;
    }
    long run = ws.runs().list().get(0).id();
    List<Path> all = Checkpoints.list(ws.runs().dir(run));
    for (Path dir : all) {
      try (Recognizer r = Recognizer.load(dir)) {
        // loads
      } catch (Exception e) {
        torn.add(dir.toString());
        findings.add("train: checkpoint " + dir + " is listed as complete but does not load: " + e.getMessage());
      }
    }
    long newestAcked = acks.stream().filter(a -> a.startsWith("ACK checkpoint"))
        .mapToLong(a -> Long.parseLong(a.split(" ")[2])).max().orElse(-1);
    long newestOnDisk = all.isEmpty() ? -1 : Checkpoints.readInfo(all.get(all.size() - 1)).step();
    if (newestAcked > newestOnDisk && lost.add("checkpoint " + newestAcked)) {
      findings.add("train: acknowledged checkpoint at step " + newestAcked + " is gone (newest on disk " + newestOnDisk + ")");
    }
    if (child.resumedAt >= 0 && child.resumedAt != child.expectedResume) {
      resumeMismatches++;
      findings.add("train: resumed at step " + child.resumedAt + ", the newest checkpoint was at " + child.expectedResume);
    }
    lastCheckpointStep = Math.max(0, newestOnDisk);
  }

  private void verifyPredictions(Workspace ws, List<String> acks) throws IOException {
    if (acks.isEmpty()) {
      return;
    }
    Dataset d = ws.datasets().require(DATASET);
    List<String> checkpoints = ws.predictions().checkpoints(d.id());
    long size = ws.datasets().stats(d.id()).samples();
    boolean complete = checkpoints.stream().anyMatch(c -> ws.predictions().count(d.id(), c) == size);
    if (!complete && lost.add("predictions")) {
      findings.add("predict: a prediction job was acknowledged but no checkpoint has all " + size + " predictions");
    }
  }

  /** Every fine-tune run's checkpoints load; each acknowledged round's checkpoint is there. */
  private void verifyFinetunes(Workspace ws, List<String> acks) {
    for (var run : ws.runs().list()) {
      for (Path dir : Checkpoints.list(ws.runs().dir(run.id()))) {
        try (Recognizer r = Recognizer.load(dir)) {
          // loads
        } catch (Exception e) {
          if (torn.add(dir.toString())) {
            findings.add("finetune: checkpoint " + dir + " is listed as complete but does not load: " + e.getMessage());
          }
        }
      }
    }
    for (String a : acks) {
      String[] f = a.split(" ");
      long run = Long.parseLong(f[2]);
      boolean there = !Checkpoints.list(ws.runs().dir(run)).isEmpty() && ws.runs().get(run).isPresent();
      if (!there && lost.add(a)) {
        findings.add("finetune: acknowledged round " + f[3] + " of run " + run + " is gone");
      }
    }
  }

  /** The tiny, fast recipe the train workload runs (checkpoints every few seconds). */
  static Recipe tinyRecipe() {
    StageConfig finetune = new StageConfig("finetune", 100_000, 8, 1e-3, null, 10, null, null, null, null,
        List.of(new DataSpec("synthetic", null, null, null, null, null, null)));
    return new Recipe("fault-suite", "tiny recipe of the fault-injection suite", 7L, ModelSpec.miniature().with("charset", "latin36"), 0.03, 1,
        Integer.MAX_VALUE, List.of(finetune));
  }

  /** {@code n} labelled word images; every {@code valEvery}-th in the val split (0: none). */
  private void seedDataset(Workspace ws, int n, int valEvery) throws IOException {
    Dataset d = ws.datasets().create(DATASET);
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] png = word("w" + i);
      String sha = sha256(png);
      ws.images().put(sha, "png", png);
      Split split = valEvery > 0 && i % valEvery == 0 ? Split.VAL : Split.TRAIN;
      batch.add(new NewSample(sha, "png", 96, 32, "w" + i + ".png", split, "w" + i));
    }
    ws.samples().addBatch(d.id(), batch, "fault-suite");
  }

  private static Path writeImportSource(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    StringBuilder tsv = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String name = "src" + i + ".png";
      Files.write(dir.resolve(name), word("src" + i));
      tsv.append(name).append('\t').append("src").append(i).append('\n');
    }
    Files.writeString(dir.resolve("labels.tsv"), tsv, StandardCharsets.UTF_8);
    return dir;
  }

  private static byte[] word(String text) throws IOException {
    BufferedImage img = new BufferedImage(96, 32, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 96, 32);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    g.drawString(text, 4, 24);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(Sha256.digest().digest(bytes));
  }

  /** One child JVM and what it acknowledged. */
  private static final class Child {
    private final Process process;
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    private final StringBuilder other = new StringBuilder();
    volatile long resumedAt = -1;
    long expectedResume = -1;
    volatile long firstLossStep = -1;
    volatile double firstLoss;
    /** Every step's loss (the reference run only). */
    java.util.concurrent.ConcurrentHashMap<Long, Double> allLosses;

    private Child(Process process, boolean recordLosses) {
      this.process = process;
      this.allLosses = recordLosses ? new java.util.concurrent.ConcurrentHashMap<>() : null;
      Thread reader = new Thread(this::read, "fault-child-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(String op, Path root, long seed, Path arg) throws IOException {
      return start(op, root, seed, arg, false);
    }

    static Child start(String op, Path root, long seed, Path arg, boolean recordLosses) throws IOException {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-Dai.djl.offline=true", "-Dmaskocr.home=" + System.getProperty("maskocr.home", ""),
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), FaultWorkload.class.getName(), op, root.toString(),
          Long.toString(seed)));
      if (System.getProperty("maskocr.home") == null) {
        cmd.removeIf(s -> s.equals("-Dmaskocr.home="));
      }
      if (arg != null) {
        cmd.add(arg.toString());
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("MASKOCR_THREADS", "1");
      return new Child(pb.start(), recordLosses);
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.equals("READY")) {
            ready.countDown();
          } else if (line.startsWith("ACK ")) {
            acks.add(line);
          } else if (line.startsWith("RESUMED ")) {
            resumedAt = Long.parseLong(line.substring(8).trim());
          } else if (line.startsWith("LOSS ")) {
            String[] f = line.split(" ");
            long step = Long.parseLong(f[1]);
            if (firstLossStep < 0) {
              firstLossStep = step;
              firstLoss = Double.parseDouble(f[2]);
            }
            if (allLosses != null) {
              allLosses.put(step, Double.parseDouble(f[2]));
            }
          } else if (other.length() < 4000) {
            other.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the child was killed
      }
    }

    void awaitReady() throws InterruptedException {
      if (!ready.await(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the workload did not start within 2 minutes: " + other);
      }
    }

    /** SIGKILL (Process.destroyForcibly on Linux), then waits for the exit and the last output line. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      Thread.sleep(50);
    }

    List<String> acks() {
      return List.copyOf(acks);
    }
  }
}
