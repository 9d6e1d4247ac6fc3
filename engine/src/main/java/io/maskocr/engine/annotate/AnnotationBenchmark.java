package io.maskocr.engine.annotate;

import io.maskocr.engine.run.StandardStages;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.data.ImageListSource;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.data.WorkspaceImages;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.SyntheticResolver;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import io.maskocr.engine.train.WorkspaceRunRecorder;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.io.PngEncoder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Measures what uncertainty ordering buys an annotator. Rendered words go into a workspace:
 * a labelled train split, a val split, and an unlabelled pool whose true texts only the
 * simulated annotator knows. A tiny model is trained briefly on the train split and predicts
 * the pool; the annotator then reviews the K lowest-confidence predictions (the Annotate
 * queue) or K random ones, typing the true text, and one fine-tune round runs on each result.
 * Everything goes through the real services: prediction job, queue, session, fine-tune round.
 */
public final class AnnotationBenchmark {
  /**
   * @param train labelled training images
   * @param pool unlabelled images to annotate (ground truth hidden from the model)
   * @param val labelled validation images
   * @param k items the annotator reviews per ordering
   * @param baseSteps training steps of the base model
   * @param finetuneSteps steps of each fine-tune round
   * @param batch images per step
   * @param model model preset and overrides
   * @param seed seeds rendering, training and the random ordering
   * @param text {@code glyphs} (3-6 digit numbers drawn as font-free glyphs in fixed cells with
   *     random noise: learnable in minutes on a busy CPU), {@code digits} (the same numbers
   *     through the renderer) or {@code words} (English words; both need far longer training)
   * @param vocabulary how many distinct texts all images draw from (0 = no limit); a small
   *     vocabulary lets a small model learn in a few hundred steps what an open one needs
   *     thousands for
   * @param style renderer style file for {@code digits} and {@code words} (for example
   *     {@code samples/render/default.json}); null = the benchmark's own plain style
   */
  public record Config(int train, int pool, int val, int k, int baseSteps, int finetuneSteps, int batch,
      ModelSpec model, long seed, String text, int vocabulary, Path style) {
    /** Checks that K fits in the pool. */
    public Config {
      if (k <= 0 || k > pool) {
        throw new IllegalArgumentException("--k must be 1.." + pool + " (the pool size), got " + k);
      }
      if (!List.of("glyphs", "digits", "words").contains(text)) {
        throw new IllegalArgumentException("--text must be glyphs, digits or words, got '" + text + "'");
      }
    }
  }

  private static final String DATASET = "bench-annotate";
  private static final String ANNOTATOR = "simulated-annotator";

  private AnnotationBenchmark() {}

  /** Runs the benchmark in a new workspace under {@code workDir}; returns the figures. */
  public static Map<String, Object> run(Config c, Path workDir, Consumer<String> log) throws Exception {
    long t0 = System.nanoTime();
    try (Workspace ws = Workspace.open(workDir.resolve("workspace"))) {
      log.accept("rendering " + (c.train() + c.pool() + c.val()) + " word images");
      Dataset d = ws.datasets().create(DATASET);
      Map<Long, String> hidden = render(ws, d, c);
      log.accept("training the base model for " + c.baseSteps() + " steps");
      String base = trainBase(ws, c, log);
      CharacterSet charset = CharacterSet.fromSpec(c.model().resolve().charset());
      List<Long> poolIds = new ArrayList<>(hidden.keySet());
      try (Recognizer r = Recognizer.load(WorkspaceCheckpoints.require(ws, base).directory())) {
        log.accept("predicting the pool of " + poolIds.size() + " with " + base);
        new PredictionJob(ws, r).run(PredictionTarget.selection(d.id(), poolIds), null, null);
      }
      QueueFilter queue = QueueFilter.all(d.id(), base).withLabelState(LabelState.UNLABELLED);
      List<Prediction> uncertain = ws.predictions().queue(queue, null, c.k()).stream()
          .map(i -> i.prediction()).toList();
      List<Long> shuffled = new ArrayList<>(poolIds);
      SplittableRandom rnd = new SplittableRandom(c.seed() ^ 0x5eed);
      for (int i = shuffled.size() - 1; i > 0; i--) {
        java.util.Collections.swap(shuffled, i, rnd.nextInt(i + 1));
      }
      List<Prediction> random = shuffled.subList(0, c.k()).stream()
          .map(id -> ws.predictions().get(id, base).orElseThrow()).toList();
      long poolErrors = poolIds.stream()
          .filter(id -> wrong(ws.predictions().get(id, base).orElseThrow(), hidden, charset)).count();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("train", c.train());
      out.put("pool", c.pool());
      out.put("val", c.val());
      out.put("k", c.k());
      out.put("text", c.text());
      out.put("vocabulary", c.vocabulary());
      out.put("style", "glyphs".equals(c.text()) ? "glyphs" : c.style() == null ? "bench" : c.style().toString());
      out.put("base_steps", c.baseSteps());
      out.put("finetune_steps", c.finetuneSteps());
      out.put("pool_accuracy", round(1 - (double) poolErrors / poolIds.size()));
      double eu = 100.0 * uncertain.stream().filter(p -> wrong(p, hidden, charset)).count() / c.k();
      double er = 100.0 * random.stream().filter(p -> wrong(p, hidden, charset)).count() / c.k();
      log.accept("fine-tuning on the uncertainty-ordered review");
      FinetuneOutcome fu = reviewAndFinetune(ws, c, base, uncertain, hidden);
      log.accept("fine-tuning on the random review");
      FinetuneOutcome fr = reviewAndFinetune(ws, c, base, random, hidden);
      out.put("val_accuracy_base", round(fu.valAccuracyBefore()));
      out.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
      out.put("errors_per_100_reviewed_uncertainty", round(eu));
      out.put("errors_per_100_reviewed_random", round(er));
      out.put("ratio", er == 0 ? (eu > 0 ? Double.POSITIVE_INFINITY : Double.NaN) : round(eu / er));
      // the new checkpoint's figure as measured, and which checkpoint the round kept
      out.put("val_accuracy_after_finetune_uncertainty", round(fu.valAccuracyAfter()));
      out.put("val_accuracy_after_finetune_random", round(fr.valAccuracyAfter()));
      out.put("kept_uncertainty", fu.keptNew() ? "new" : "base");
      out.put("kept_random", fr.keptNew() ? "new" : "base");
      out.put("finetune_lr", fu.lr());
      return out;
    }
  }

  private static boolean wrong(Prediction p, Map<Long, String> truth, CharacterSet cs) {
    return !p.text().equals(cs.normalize(truth.get(p.sampleId())));
  }

  /** The simulated annotator types the true text of each item; one fine-tune; then undo all. */
  private static FinetuneOutcome reviewAndFinetune(Workspace ws, Config c, String base, List<Prediction> items,
      Map<Long, String> truth) throws Exception {
    AnnotationSession session = new AnnotationSession(ws, ANNOTATOR, System::currentTimeMillis);
    for (Prediction p : items) {
      session.save(p.sampleId(), truth.get(p.sampleId()), p.text());
    }
    FinetuneOutcome o = new FinetuneRound(ws).run(
        new FinetuneRequest(base, DATASET, c.finetuneSteps(), c.batch(), null, 0, c.seed() + 1), null, null);
    // take the review back (appended as cleared entries) so the other ordering starts equal
    while (session.undo().isPresent()) {
      // each undo appends one entry
    }
    return o;
  }

  /** Renders and stores the three parts; returns the pool's hidden truth by sample id. */
  private static Map<Long, String> render(Workspace ws, Dataset d, Config c) throws Exception {
    RendererAssets assets = RendererAssets.load(MaskocrHome.root());
    List<String> words = assets.corpora().english().stream()
        .filter(w -> w.matches("[A-Za-z]{3,8}")).distinct().toList();
    if (words.size() < 100) {
      throw new IllegalStateException("the bundled English corpus has too few short words: " + words.size());
    }
    // the same path rule as a recipe's synthetic data (samples/render/... from the installation)
    StyleConfig look = c.style() == null ? BenchStyle.config()
        : SyntheticResolver.style(new DataSpec("synthetic", null, null, null, null, null, c.style().toString()));
    SampleRenderer renderer = new SampleRenderer(look, assets, 128, 32, c.seed());
    SplittableRandom rnd = new SplittableRandom(c.seed());
    int total = c.train() + c.pool() + c.val();
    String[] texts = new String[total];
    List<String> vocab = new ArrayList<>();
    for (int i = 0; i < c.vocabulary(); i++) {
      vocab.add("words".equals(c.text()) ? words.get(rnd.nextInt(words.size())) : digits(rnd));
    }
    for (int i = 0; i < total; i++) {
      texts[i] = !vocab.isEmpty() ? vocab.get(rnd.nextInt(vocab.size()))
          : "words".equals(c.text()) ? words.get(rnd.nextInt(words.size())) : digits(rnd);
    }
    java.awt.image.BufferedImage[] imgs = new java.awt.image.BufferedImage[total];
    // numbers are padded with spaces to 6 cells, so every image has the same layout width and
    // digit k sits at nearly the same place in every image (like a meter or a price tag)
    if ("glyphs".equals(c.text())) {
      SplittableRandom style = new SplittableRandom(c.seed() + 17);
      for (int i = 0; i < total; i++) {
        imgs[i] = GlyphNumbers.draw(texts[i], style.split());
      }
    } else {
      IntStream.range(0, total).parallel().forEach(i -> imgs[i] = renderer.render(i,
          "words".equals(c.text()) ? texts[i] : String.format("%-6s", texts[i])).image());
    }
    Map<Long, String> hidden = new HashMap<>();
    List<NewSample> batch = new ArrayList<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < total; i++) {
      byte[] png = PngEncoder.encode(imgs[i]);
      String hash = HexFormat.of().formatHex(sha.digest(png));
      ws.images().put(hash, "png", png);
      boolean inPool = i >= c.train() && i < c.train() + c.pool();
      Split split = i >= c.train() + c.pool() ? Split.VAL : Split.TRAIN;
      batch.add(new NewSample(hash, "png", 128, 32, String.format("%06d.png", i), split, inPool ? null : texts[i]));
    }
    ws.samples().addBatch(d.id(), batch, "renderer");
    long after = 0;
    while (true) {
      List<Sample> page = ws.samples().page(SampleQuery.of(d.id(), 1000).after(after));
      for (Sample s : page) {
        int i = Integer.parseInt(s.originalName().substring(0, 6));
        if (i >= c.train() && i < c.train() + c.pool()) {
          hidden.put(s.id(), texts[i]);
        }
      }
      if (page.size() < 1000) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    return hidden;
  }

  private static String digits(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder();
    int n = 3 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.toString();
  }

  private static String trainBase(Workspace ws, Config c, Consumer<String> log) throws Exception {
    // a high rate without label smoothing leaves the "letter frequencies only" plateau soonest
    StageConfig stage = new StageConfig("finetune", c.baseSteps(), c.batch(), 3e-3, null,
        Math.max(1, c.baseSteps() / 20), 0.0, 1.0, 0.0, null,
        List.of(DataSpec.split(DATASET, "train")));
    Recipe recipe = new Recipe("bench-annotate-base", "base model of the annotation benchmark", c.seed(),
        c.model(), 60.0, 10, Integer.MAX_VALUE, List.of(stage));
    long runId = ws.runs().create(new NewRun("bench annotate base", "{}", c.seed(), "{}", "bench", "bench",
        List.of("bench"), "")).id();
    List<LabeledImage> train = WorkspaceImages.load(ws, DATASET, Split.TRAIN, true);
    TrainingService s = new TrainingService(recipe, Long.toString(runId), ws.runs().dir(runId),
        (spec, cfg, seed) -> new ImageListSource("bench train", train, new ImagePreprocessor(cfg), null, seed),
        new WorkspaceRunRecorder(ws, runId), StandardStages.registry(), TrainingOptions.unlimited());
    s.addListener(e -> {
      if (e instanceof TrainingEvent.Metrics m && m.step() % 100 == 0) {
        log.accept(String.format("step %d/%d loss %.3f train accuracy %.2f", m.step(), m.totalSteps(), m.loss(),
            m.accuracy()));
      }
    });
    s.start();
    TrainingEvent end = s.awaitEnd(6, TimeUnit.HOURS);
    if (!(end instanceof TrainingEvent.Finished)) {
      throw new IllegalStateException("base training did not finish: " + end);
    }
    return runId + "@" + c.baseSteps();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
