package io.maskocr.renderer.config;

/** A style config that cannot be read; the message names the file, line and field. */
public final class ConfigException extends RuntimeException {
  /** Creates the exception with a one-line, user-facing message. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
