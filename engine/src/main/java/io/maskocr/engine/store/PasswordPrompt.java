package io.maskocr.engine.store;

import java.util.Optional;

/**
 * Asks the person at the keyboard for a database password when neither {@code PGPASSWORD} nor
 * {@code ~/.pgpass} gave one (or the one given was refused). The CLI registers a terminal prompt,
 * the app a dialog. An accepted password is kept in this process's memory only, so the
 * workspace's other connections do not ask again; it is never written anywhere.
 */
@FunctionalInterface
public interface PasswordPrompt {
  /** The password for {@code user} at {@code server}, or empty to give up. */
  Optional<char[]> ask(String server, String user);

  /** Registers the prompt for this process (null: none, the default); forgets passwords it gave. */
  static void use(PasswordPrompt prompt) {
    PromptedPasswords.use(prompt);
  }
}
