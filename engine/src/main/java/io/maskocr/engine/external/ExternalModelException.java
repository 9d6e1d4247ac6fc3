package io.maskocr.engine.external;

/** An external model failed while reading (not at load): the job stops, the application goes on. */
public final class ExternalModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExternalModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
