package io.maskocr.engine.store;

/**
 * How often reviewers kept one annotator's labels.
 *
 * @param author the annotator whose labels were reviewed
 * @param reviewed how many of their labels another person saved over (kept or changed)
 * @param kept how many of those the reviewer left as they were (same text and kind)
 */
public record Agreement(String author, long reviewed, long kept) {
  /** kept / reviewed, or NaN when nothing was reviewed. */
  public double rate() {
    return reviewed == 0 ? Double.NaN : kept / (double) reviewed;
  }
}
