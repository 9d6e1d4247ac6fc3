package io.maskocr.engine.io;

/** An image that cannot be imported, with the reason category and the detail. */
public final class BadImageException extends Exception {
  private final SkipReason reason;

  public BadImageException(SkipReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public SkipReason reason() {
    return reason;
  }
}
