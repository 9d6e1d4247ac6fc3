package io.maskocr.engine.store;

/** A workspace database failure, with a message a user can act on. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
