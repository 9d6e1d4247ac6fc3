package io.maskocr.engine.annotate;

import io.maskocr.engine.store.SaveResult;

/**
 * A save that found a teammate's newer label (team workspaces): the annotator's entry is in the
 * history but theirs stays current until the annotator chooses ({@link AnnotationSession#saveOnTop}).
 */
public final class LabelConflict extends RuntimeException {
  private final transient SaveResult result;

  LabelConflict(SaveResult result) {
    super("'" + result.theirs().author() + "' saved \"" + result.theirs().text() + "\" while you were on this item;"
        + " yours (\"" + result.yours().text() + "\") is kept in the history: keep theirs or save yours on top");
    this.result = result;
  }

  /** Yours (a conflict entry) and theirs (current). */
  public SaveResult result() {
    return result;
  }
}
