package io.maskocr.app.ui.learn;

import io.maskocr.app.ui.task.TaskExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The eight steps of the walk-through, in order. Their words live in {@value #WORDS} (one group
 * of title, explanation, paper and url per step), so they can be edited without touching code.
 */
final class LearnSteps {
  /** The resource with the steps' words, next to this class. */
  static final String WORDS = "learn-steps.properties";

  private static final Properties TEXT = load();

  private LearnSteps() {}

  /** The steps' keys in {@value #WORDS}, in walk-through order. */
  static final List<String> KEYS =
      List.of("patches", "masking", "reconstruction", "rendering", "milm", "attention", "confidence", "odm");

  /** Number of steps. */
  static final int COUNT = KEYS.size();

  /** All steps, built once per view (in the order of {@link #KEYS}). */
  static List<LearnStep> create(TaskExecutor executor, ConfidenceStep.BundledSamplesSource samples) {
    return List.of(new PatchStep(info("patches")), new MaskStep(info("masking")),
        new ReconstructStep(info("reconstruction")), new RenderStep(info("rendering"), executor),
        new MilmStep(info("milm")), new AttentionStep(info("attention")),
        new ConfidenceStep(info("confidence"), samples), new OdmStep(info("odm")));
  }

  /** Keys of {@value #WORDS} (for the test that every one belongs to a step). */
  static java.util.Set<String> wordKeys() {
    return TEXT.stringPropertyNames();
  }

  /**
   * The words of step {@code key}.
   *
   * @throws IllegalStateException naming the resource and key when one is missing
   */
  static StepInfo info(String key) {
    return new StepInfo(text(key, "title"), text(key, "explanation"), text(key, "paper"), text(key, "url"));
  }

  private static String text(String key, String field) {
    String v = TEXT.getProperty(key + "." + field);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(WORDS + " has no " + key + "." + field + ": every step needs a title, "
          + "explanation, paper and url");
    }
    return v.strip();
  }

  private static Properties load() {
    try (InputStream in = LearnSteps.class.getResourceAsStream(WORDS)) {
      if (in == null) {
        throw new IllegalStateException(WORDS + " is missing from the build (app/src/main/resources)");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WORDS + ": " + e.getMessage(), e);
    }
  }
}
