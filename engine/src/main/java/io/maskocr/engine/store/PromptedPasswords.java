package io.maskocr.engine.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The process-wide {@link PasswordPrompt} and the passwords it obtained, in memory only. */
final class PromptedPasswords {
  private static volatile PasswordPrompt prompt;
  private static final Map<String, String> ACCEPTED = new ConcurrentHashMap<>();

  private PromptedPasswords() {}

  static void use(PasswordPrompt p) {
    prompt = p;
    ACCEPTED.clear();
  }

  static PasswordPrompt prompt() {
    return prompt;
  }

  /** An accepted password for "server user", or null. */
  static String accepted(String key) {
    return ACCEPTED.get(key);
  }

  static void accept(String key, String password) {
    ACCEPTED.put(key, password);
  }
}
