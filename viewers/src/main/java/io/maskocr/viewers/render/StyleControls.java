package io.maskocr.viewers.render;

import io.maskocr.renderer.config.BackgroundKind;
import io.maskocr.renderer.config.CorpusKind;
import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.FontCategory;
import io.maskocr.renderer.config.Range;
import io.maskocr.renderer.config.StyleConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * One control per style parameter: probability, min and max of every effect (with an on/off
 * toggle), text height, contrast, grayscale, maximum length, and the weights of font
 * categories, text sources and backgrounds. Edits produce a new validated config; a value the
 * config rejects leaves the old config and reports the reason.
 */
final class StyleControls extends VBox {
  private final RenderPreviewModel model;
  private final Consumer<String> onError;
  private final List<Runnable> syncers = new ArrayList<>();
  private boolean syncing;

  StyleControls(RenderPreviewModel model, Consumer<String> onError) {
    super(4);
    this.model = model;
    this.onError = onError;
    getStyleClass().add("render-controls");
    header("Effects");
    for (EffectKind k : EffectKind.values()) {
      effect(k);
    }
    header("Text");
    range("textHeight", "height", 0.2, 1.0, "", StyleConfig::textHeight, StyleConfig::withTextHeight);
    range("contrast", "contrast", 0.05, 1.0, "", StyleConfig::contrast, StyleConfig::withContrast);
    slider("grayscale", "grey p", 0, 1, "", c -> c.grayscale(), StyleConfig::withGrayscale);
    slider("maxLength", "max len", 1, 64, "chars", c -> (double) c.maxLength(),
        (c, v) -> c.withMaxLength((int) Math.round(v)));
    header("Font categories (weights)");
    for (FontCategory f : FontCategory.values()) {
      weight("font-" + f.key(), f.key(), StyleConfig::fonts, f.key(), StyleConfig::withFonts);
    }
    header("Text sources (weights)");
    for (CorpusKind k : CorpusKind.values()) {
      weight("corpus-" + k.key(), k.key(), StyleConfig::corpus, k.key(), StyleConfig::withCorpus);
    }
    header("Backgrounds (weights)");
    for (BackgroundKind b : BackgroundKind.values()) {
      SliderRow row = weight("background-" + b.key(), b.key(), StyleConfig::background, b.key(),
          (c, m) -> c.withBackground(m, c.backgroundImages()));
      if (b == BackgroundKind.IMAGE) {
        // image crops need a folder, which only a loaded config can name
        Runnable s = () -> row.setDisable(model.configProperty().get().backgroundImages() == null);
        syncers.add(s);
        s.run();
        Tooltip.install(row, new Tooltip("needs \"backgroundImages\": a folder, set in a config file"));
      }
    }
    model.configProperty().addListener((o, a, b) -> sync());
  }

  private void header(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("render-controls-header");
    l.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
    getChildren().add(l);
  }

  private void effect(EffectKind k) {
    CheckBox on = new CheckBox(k.key());
    on.setId("effect-" + k.key() + "-on");
    on.setTooltip(new Tooltip(k.description() + " (" + k.unit() + ")"));
    double[] remembered = {0.5};
    SliderRow p = new SliderRow("effect-" + k.key() + "-probability", "p", 0, 1,
        config().effect(k).probability(), "", v -> update(c -> c.withEffect(k, c.effect(k).withProbability(v))));
    SliderRow min = new SliderRow("effect-" + k.key() + "-min", "min", k.lowest(), k.highest(),
        config().effect(k).min(), k.unit(), v -> update(c -> {
          Effect e = c.effect(k);
          return c.withEffect(k, e.withRange(v, Math.max(v, e.max())));
        }));
    SliderRow max = new SliderRow("effect-" + k.key() + "-max", "max", k.lowest(), k.highest(),
        config().effect(k).max(), k.unit(), v -> update(c -> {
          Effect e = c.effect(k);
          return c.withEffect(k, e.withRange(Math.min(v, e.min()), v));
        }));
    on.setOnAction(ev -> update(c -> {
      Effect e = c.effect(k);
      if (!on.isSelected()) {
        remembered[0] = e.probability() > 0 ? e.probability() : remembered[0];
        return c.withEffect(k, e.withProbability(0));
      }
      return c.withEffect(k, e.withProbability(remembered[0]));
    }));
    Runnable s = () -> {
      Effect e = config().effect(k);
      on.setSelected(e.probability() > 0);
      p.setSilently(e.probability());
      min.setSilently(e.min());
      max.setSilently(e.max());
      p.setDisable(e.probability() == 0);
      min.setDisable(e.probability() == 0);
      max.setDisable(e.probability() == 0);
    };
    syncers.add(s);
    s.run();
    VBox box = new VBox(1, on, p, min, max);
    box.setStyle("-fx-padding: 2 0 4 0;");
    getChildren().add(box);
  }

  private void range(String id, String name, double lo, double hi, String unit,
      Function<StyleConfig, Range> get, BiFunction<StyleConfig, Range, StyleConfig> with) {
    SliderRow min = new SliderRow(id + "-min", name + " min", lo, hi, get.apply(config()).min(), unit,
        v -> update(c -> with.apply(c, new Range(v, Math.max(v, get.apply(c).max())))));
    SliderRow max = new SliderRow(id + "-max", name + " max", lo, hi, get.apply(config()).max(), unit,
        v -> update(c -> with.apply(c, new Range(Math.min(v, get.apply(c).min()), v))));
    syncers.add(() -> {
      min.setSilently(get.apply(config()).min());
      max.setSilently(get.apply(config()).max());
    });
    getChildren().addAll(min, max);
  }

  private void slider(String id, String name, double lo, double hi, String unit,
      Function<StyleConfig, Double> get, BiFunction<StyleConfig, Double, StyleConfig> with) {
    SliderRow row = new SliderRow(id, name, lo, hi, get.apply(config()), unit, v -> update(c -> with.apply(c, v)));
    syncers.add(() -> row.setSilently(get.apply(config())));
    getChildren().add(row);
  }

  private SliderRow weight(String id, String name, Function<StyleConfig, Map<String, Double>> get, String key,
      BiFunction<StyleConfig, Map<String, Double>, StyleConfig> with) {
    SliderRow row = new SliderRow(id, name, 0, 10, get.apply(config()).getOrDefault(key, 0.0), "", v -> update(c -> {
      Map<String, Double> m = new LinkedHashMap<>(get.apply(c));
      m.put(key, v);
      return with.apply(c, m);
    }));
    syncers.add(() -> row.setSilently(get.apply(config()).getOrDefault(key, 0.0)));
    getChildren().add(row);
    return row;
  }

  private StyleConfig config() {
    return model.configProperty().get();
  }

  /** Applies an edit; an invalid result keeps the old config and reports why. */
  private void update(Function<StyleConfig, StyleConfig> edit) {
    if (syncing) {
      return;
    }
    try {
      model.configProperty().set(edit.apply(config()));
    } catch (IllegalArgumentException e) {
      onError.accept(e.getMessage());
      sync();
    }
  }

  /** Moves every control to the config's values without emitting edits. */
  private void sync() {
    syncing = true;
    try {
      syncers.forEach(Runnable::run);
    } finally {
      syncing = false;
    }
  }
}
