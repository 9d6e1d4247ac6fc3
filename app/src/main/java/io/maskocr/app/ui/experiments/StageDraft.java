package io.maskocr.app.ui.experiments;

import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.StageConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editable form of one recipe stage: every hyper-parameter as text the user types, turned
 * back into a validated {@link StageConfig} by {@link #build}. The first data source is edited;
 * further sources of the recipe are kept as they are.
 */
public final class StageDraft {
  final String type;
  final StringProperty steps = new SimpleStringProperty();
  final StringProperty batchSize = new SimpleStringProperty();
  final StringProperty lr = new SimpleStringProperty();
  final StringProperty minLr = new SimpleStringProperty();
  final StringProperty warmupSteps = new SimpleStringProperty();
  final StringProperty weightDecay = new SimpleStringProperty();
  final StringProperty clipNorm = new SimpleStringProperty();
  final StringProperty labelSmoothing = new SimpleStringProperty();
  final StringProperty maskStrategy = new SimpleStringProperty();
  final StringProperty maskRatio = new SimpleStringProperty();
  final StringProperty dataKind = new SimpleStringProperty();
  final StringProperty dataset = new SimpleStringProperty();
  final StringProperty split = new SimpleStringProperty();
  final StringProperty folder = new SimpleStringProperty();
  final StringProperty augment = new SimpleStringProperty();
  final StringProperty style = new SimpleStringProperty();
  private final List<DataSpec> otherData;

  /** A draft holding {@code s}'s values (its defaults already applied). */
  public StageDraft(StageConfig s) {
    type = s.type();
    steps.set(Integer.toString(s.steps()));
    batchSize.set(Integer.toString(s.batchSize()));
    lr.set(Double.toString(s.lr()));
    minLr.set(Double.toString(s.minLr()));
    warmupSteps.set(Integer.toString(s.warmupSteps()));
    weightDecay.set(Double.toString(s.weightDecay()));
    clipNorm.set(Double.toString(s.clipNorm()));
    labelSmoothing.set(Double.toString(s.labelSmoothing()));
    maskStrategy.set(s.mask().strategy());
    maskRatio.set(Double.toString(s.mask().ratio()));
    DataSpec d = s.data().get(0);
    dataKind.set(d.kind());
    dataset.set(d.dataset() == null ? "*" : d.dataset());
    split.set(d.split() == null ? "train" : d.split());
    folder.set(d.path() == null ? "" : d.path());
    augment.set(Double.toString(d.augment()));
    style.set(d.style() == null ? "" : d.style());
    otherData = s.data().subList(1, s.data().size());
  }

  /** The stage type (mim, finetune, ...). */
  public String type() {
    return type;
  }

  /**
   * The validated stage.
   *
   * @param label how the stage is named in error messages ("stage 2 (finetune)")
   * @throws IllegalArgumentException naming the field and the problem
   */
  public StageConfig build(String label) {
    try {
      DataSpec first = new DataSpec(dataKind.get(),
          dataKind.get().equals("split") ? blankToNull(dataset.get()) : null,
          dataKind.get().equals("split") ? blankToNull(split.get()) : null,
          dataKind.get().equals("folder") ? blankToNull(folder.get()) : null, 1.0,
          number(augment, "augment"),
          dataKind.get().equals("synthetic") ? blankToNull(style.get()) : null);
      List<DataSpec> data = new ArrayList<>();
      data.add(first);
      data.addAll(otherData);
      return new StageConfig(type, whole(steps, "steps"), whole(batchSize, "batch size"), number(lr, "learning rate"),
          number(minLr, "final learning rate"), whole(warmupSteps, "warm-up steps"),
          number(weightDecay, "weight decay"), number(clipNorm, "gradient clip"),
          number(labelSmoothing, "label smoothing"),
          new MaskSpec(maskStrategy.get(), number(maskRatio, "mask ratio")), data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(label + ": " + e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static int whole(StringProperty p, String name) {
    try {
      return Integer.parseInt(p.get().trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + p.get() + "'");
    }
  }

  private static double number(StringProperty p, String name) {
    try {
      double v = Double.parseDouble(p.get().trim());
      if (!Double.isFinite(v) || v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(name + " must be a number >= 0, got '" + p.get() + "'");
    }
  }
}
