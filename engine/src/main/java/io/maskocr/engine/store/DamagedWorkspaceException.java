package io.maskocr.engine.store;

/**
 * The workspace's database is damaged (truncated, overwritten, not a database). Its message says
 * what is wrong and names the newest backup to restore; nothing was changed.
 */
public final class DamagedWorkspaceException extends StoreException {
  DamagedWorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
