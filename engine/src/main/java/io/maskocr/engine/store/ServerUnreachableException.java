package io.maskocr.engine.store;

/**
 * The database server could not be reached (down, restarting, network gone): nothing of the
 * change was stored, and the same change may simply be tried again once the server is back.
 */
public class ServerUnreachableException extends StoreException {
  public ServerUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
